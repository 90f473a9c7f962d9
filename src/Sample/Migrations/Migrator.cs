using Npgsql;

namespace Sample.Migrations;

/// <summary>
/// Applies the <see cref="Schema"/> steps not yet recorded in schema_migrations, each in its own transaction,
/// under an advisory lock so that two migrate processes on one database take turns.
/// </summary>
internal static class Migrator
{
    // Any fixed number: it only has to be the same for every migrate process racing on one database.
    private const long LockKey = 0x5A4D_504C_45;

    public static async Task<int> MigrateAsync(NpgsqlDataSource database, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        var applied = 0;
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
                cancellationToken);
            foreach (var (version, description, sql) in Schema.Steps)
            {
                await using var check = new NpgsqlCommand("SELECT 1 FROM schema_migrations WHERE version = $1", connection);
                check.Parameters.Add(new() { Value = version });
                if (await check.ExecuteScalarAsync(cancellationToken) is not null)
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, description) VALUES ($1, $2)", connection, transaction))
                {
                    record.Parameters.Add(new() { Value = version });
                    record.Parameters.Add(new() { Value = description });
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("applied migration {Version}: {Description}", version, description);
                applied++;
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }

        var latest = Schema.Steps[^1].Version;
        logger.LogInformation("schema is at version {Version} ({Applied} applied now)", latest, applied);
        return latest;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
