using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Sample.Migrations;
using Smoke.Stack.Engine;
using Smoke.Stack.Fixtures;

namespace Sample.Tests.Platform;

/// <summary>
/// A real Postgres and a real RabbitMQ in containers (Smoke.Stack fixtures), shared by every test in
/// the collection. Each test gets its own database and queue, so tests never see each other's jobs.
/// </summary>
public sealed class PlatformServices : IAsyncLifetime
{
    public const string User = "sample";

    private TestContainer? postgres;
    private TestContainer? rabbitmq;

    // Random per run: the containers are throwaway, and nothing here is printed.
    public string Password { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public int PostgresPort => postgres!.GetMappedPort(5432);

    public int RabbitMqPort => rabbitmq!.GetMappedPort(5672);

    public async Task InitializeAsync()
    {
        postgres = new ContainerBuilder()
            .WithImage(RequiredImage("POSTGRES_IMAGE"))
            .WithEnvironment("POSTGRES_USER", User)
            .WithEnvironment("POSTGRES_PASSWORD", Password)
            .WithEnvironment("POSTGRES_DB", User)
            .WithPortBinding(5432)
            .WithHealthcheck(new ContainerHealthcheck(["CMD-SHELL", $"pg_isready -h 127.0.0.1 -U {User} -d {User}"]))
            .WithWaitStrategy(Wait.ForHealthy())
            .Build();
        rabbitmq = new ContainerBuilder()
            .WithImage(RequiredImage("RABBITMQ_IMAGE"))
            .WithEnvironment("RABBITMQ_DEFAULT_USER", User)
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", Password)
            .WithPortBinding(5672)
            .WithHealthcheck(new ContainerHealthcheck(["CMD", "rabbitmq-diagnostics", "-q", "ping"]) { Interval = TimeSpan.FromSeconds(3), Timeout = TimeSpan.FromSeconds(10) })
            // ping answers as soon as the Erlang node runs, before the AMQP listener is up.
            .WithWaitStrategy(Wait.ForAll(Wait.ForHealthy(), Wait.ForLog("Server startup complete")))
            .Build();
        await Task.WhenAll(postgres.StartAsync(), rabbitmq.StartAsync());
    }

    public async Task DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }

        if (rabbitmq is not null)
        {
            await rabbitmq.DisposeAsync();
        }
    }

    /// <summary>A new, empty database; migrated unless told otherwise.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrate = true)
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using (var server = NpgsqlDataSource.Create(ConnectionString(User)))
        {
            await using var create = server.CreateCommand($"CREATE DATABASE \"{name}\"");
            await create.ExecuteNonQueryAsync();
        }

        if (migrate)
        {
            await using var database = NpgsqlDataSource.Create(ConnectionString(name));
            await Migrator.MigrateAsync(database, NullLogger.Instance, CancellationToken.None);
        }

        return name;
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = PostgresPort,
        Username = User,
        Password = Password,
        Database = database,
        Pooling = false,
    }.ConnectionString;

    /// <summary>The settings a sample role needs to reach these services, for <see cref="SampleFactory"/>.</summary>
    public Dictionary<string, string?> SettingsFor(string role, string database, string queue) => new()
    {
        ["SAMPLE_ROLE"] = role,
        ["SAMPLE_FAULT"] = "",
        ["POSTGRES_HOST"] = "127.0.0.1",
        ["POSTGRES_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["POSTGRES_USER"] = User,
        ["POSTGRES_PASSWORD"] = Password,
        ["POSTGRES_DB"] = database,
        ["RABBITMQ_HOST"] = "127.0.0.1",
        ["RABBITMQ_PORT"] = RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RABBITMQ_USER"] = User,
        ["RABBITMQ_PASSWORD"] = Password,
        ["SAMPLE_QUEUE"] = queue,
        ["SAMPLE_API_TOKEN"] = SampleFactory.ReadWriteToken,
        ["SAMPLE_READONLY_TOKEN"] = SampleFactory.ReadOnlyToken,
        ["GENERATOR_URL"] = "http://generator.test/",
    };

    private static string RequiredImage(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } image
            ? image
            : throw new InvalidOperationException(
                $"{variable} is not set, so the sample's tests do not know which image to run; "
                + $"`./build.sh Test` sets it, or export it by hand (e.g. {variable}={(variable.StartsWith("POSTGRES", StringComparison.Ordinal) ? "postgres:16" : "rabbitmq:3-management")})");
}
