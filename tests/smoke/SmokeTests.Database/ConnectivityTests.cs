using Npgsql;

namespace SmokeTests.Database;

public sealed class ConnectivityTests
{
    // The oldest major version the bundled platform runs on (Debian 12's PostgreSQL); raise it when the platform needs more.
    private const int MinimumMajorVersion = 15;

    /// <summary>
    /// The database accepts the stack's credentials through its published port and runs a supported
    /// PostgreSQL. A failure means nothing that stores data can work: the release must not ship.
    /// </summary>
    [SmokeFact(Level = 1, Critical = true, Category = "database")]
    public async Task Database_accepts_connections_and_runs_a_supported_version()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var database = StackDatabase.Connect();
        await using var connection = await database.OpenAsync(timeout.Token);

        Assert.True(
            connection.PostgreSqlVersion.Major >= MinimumMajorVersion,
            $"postgres at {database.Endpoint} runs PostgreSQL {connection.ServerVersion}; the platform needs {MinimumMajorVersion} or later.");
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        Assert.Equal(PlatformCredentials.PostgresDatabase, await command.ExecuteScalarAsync(timeout.Token));
    }

    /// <summary>
    /// The migrate one-shot recorded its steps and created the jobs table with the columns the api and
    /// worker read. A failure means the release's migrations did not run or do not match its code.
    /// </summary>
    [SmokeFact(Level = 1, Critical = true, Category = "database")]
    public async Task Migrations_created_the_jobs_table_the_api_reads()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var database = StackDatabase.Connect();
        await using var connection = await database.OpenAsync(timeout.Token);

        await using var version = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        Assert.True((int)(await version.ExecuteScalarAsync(timeout.Token))! >= 1, "schema_migrations records no applied step: the migrate service did not run.");

        await using var columns = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'jobs'", connection);
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await columns.ExecuteReaderAsync(timeout.Token))
        {
            while (await reader.ReadAsync(timeout.Token))
            {
                found.Add(reader.GetString(0));
            }
        }

        string[] expected = ["id", "status", "run_mode", "source", "prompt_source", "prompt_pack_id", "stage_count", "has_upscale", "outputs", "created_at", "completed_at"];
        Assert.Empty(expected.Except(found));
    }
}
