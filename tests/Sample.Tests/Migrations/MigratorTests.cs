using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sample.Migrations;
using Sample.Tests.Platform;

namespace Sample.Tests.Migrations;

[Collection(PlatformCollection.Name)]
public sealed class MigratorTests(PlatformServices platform)
{
    [Fact]
    public async Task Migrating_an_empty_database_creates_the_jobs_table_and_records_the_version()
    {
        var name = await platform.CreateDatabaseAsync(migrate: false);
        await using var database = NpgsqlDataSource.Create(platform.ConnectionString(name));

        var version = await Migrator.MigrateAsync(database, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(Schema.Steps[^1].Version, version);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations WHERE version = 1"));
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM jobs"));
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing_the_second_time()
    {
        var name = await platform.CreateDatabaseAsync(migrate: false);
        await using var database = NpgsqlDataSource.Create(platform.ConnectionString(name));

        await Migrator.MigrateAsync(database, NullLogger.Instance, CancellationToken.None);
        await Migrator.MigrateAsync(database, NullLogger.Instance, CancellationToken.None);

        Assert.Equal((long)Schema.Steps.Count, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Migrations_racing_on_one_database_both_succeed()
    {
        var name = await platform.CreateDatabaseAsync(migrate: false);
        await using var database = NpgsqlDataSource.Create(platform.ConnectionString(name));

        await Task.WhenAll(
            Migrator.MigrateAsync(database, NullLogger.Instance, CancellationToken.None),
            Migrator.MigrateAsync(database, NullLogger.Instance, CancellationToken.None));

        Assert.Equal((long)Schema.Steps.Count, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource database, string sql)
    {
        await using var command = database.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
