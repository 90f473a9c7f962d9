using System.Globalization;

namespace SmokeTests.Database;

public sealed class PoolingTests
{
    private const int PoolSize = 4;

    /// <summary>
    /// Connections returned to the pool are handed out again instead of new server sessions being
    /// opened. A failure means every request pays for a new connection and load can exhaust the server.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "database")]
    public async Task Pooled_connections_are_reused()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var database = StackDatabase.Connect(maxPoolSize: PoolSize);

        var first = await BackendProcessIdsAsync(database, timeout.Token);
        var second = await BackendProcessIdsAsync(database, timeout.Token);

        Assert.Equal(PoolSize, first.Count);
        Assert.Subset(first, second);
    }

    /// <summary>
    /// The server has room for more client connections than the platform and a pool of this size use.
    /// A failure means connections are leaking or max_connections is too low: the next deploy or a
    /// traffic spike will be refused connections.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "database")]
    public async Task The_server_has_connections_to_spare()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var database = StackDatabase.Connect();

        var max = int.Parse(await database.ScalarAsync<string>("SHOW max_connections", timeout.Token), CultureInfo.InvariantCulture);
        var used = await database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'", timeout.Token);

        Assert.True(max - used >= 2 * PoolSize, $"postgres at {database.Endpoint} has {used} of {max} client connections in use; fewer than {2 * PoolSize} are left.");
    }

    /// <summary>Holds <see cref="PoolSize"/> connections at once, so each is its own server session, and returns their process ids.</summary>
    private static async Task<HashSet<int>> BackendProcessIdsAsync(StackDatabase database, CancellationToken cancellationToken)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, PoolSize).Select(_ => database.OpenAsync(cancellationToken)));
        try
        {
            return [.. connections.Select(connection => connection.ProcessID)];
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
