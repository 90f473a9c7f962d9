using Npgsql;
using Sample.Configuration;

namespace Sample.Migrations;

/// <summary>The one-shot migrate role: waits for the database, brings the schema up to date, exits 0.</summary>
internal static class MigrateRole
{
    private static readonly TimeSpan ConnectDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(SampleSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        await using var database = NpgsqlDataSource.Create(settings.DatabaseConnectionString);
        var deadline = DateTimeOffset.UtcNow + ConnectDeadline;
        while (true)
        {
            try
            {
                await Migrator.MigrateAsync(database, logger, cancellationToken);
                return 0;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTimeOffset.UtcNow < deadline)
            {
                logger.LogWarning("database not reachable yet ({Reason}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (NpgsqlException e)
            {
                logger.LogError("migration failed: {Reason}; check POSTGRES_HOST/POSTGRES_USER/POSTGRES_DB and that the database is up", e.Message);
                return 1;
            }
        }
    }
}
