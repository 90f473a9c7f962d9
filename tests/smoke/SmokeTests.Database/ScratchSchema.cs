namespace SmokeTests.Database;

/// <summary>
/// A schema of this run's own for a test class's tables, dropped with everything in it when the
/// class is done, so that runs never see each other's rows and leave nothing behind.
/// </summary>
public sealed class ScratchSchema : IAsyncLifetime
{
    private static int created;
    private StackDatabase? database;

    public string Name { get; } = $"smoke_{SmokeRun.Id}_{Interlocked.Increment(ref created)}";

    internal StackDatabase Database => database ?? throw new InvalidOperationException("the scratch schema is used before xunit initialised it");

    /// <summary>A table's name qualified with this schema: <c>Table("accounts")</c> is <c>smoke_…_1.accounts</c>.</summary>
    public string Table(string name) => $"{Name}.{name}";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        database = StackDatabase.Connect();
        await database.ExecuteAsync($"CREATE SCHEMA {Name}", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (database is null)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await database.ExecuteAsync($"DROP SCHEMA IF EXISTS {Name} CASCADE", timeout.Token);
        await database.DisposeAsync();
    }
}
