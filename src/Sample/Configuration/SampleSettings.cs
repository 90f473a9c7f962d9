using System.Globalization;
using Npgsql;

namespace Sample.Configuration;

/// <summary>
/// Everything the sample reads from its environment. Secrets (database and broker passwords,
/// API tokens) live here and nowhere else, and <see cref="ToString"/> leaves them out.
/// </summary>
internal sealed record SampleSettings(
    SampleRole Role,
    string DatabaseConnectionString,
    BrokerSettings Broker,
    Uri GeneratorUrl,
    string ApiToken,
    string ReadOnlyToken,
    int RateLimitPerMinute,
    int MaxAttempts,
    Fault Fault)
{
    public static SampleSettings From(IConfiguration configuration)
    {
        var role = ParseRole(configuration["SAMPLE_ROLE"]);
        var database = new NpgsqlConnectionStringBuilder
        {
            Host = configuration["POSTGRES_HOST"] ?? "postgres",
            Port = Number(configuration, "POSTGRES_PORT", 5432),
            Username = configuration["POSTGRES_USER"] ?? "sample",
            Password = configuration["POSTGRES_PASSWORD"],
            Database = configuration["POSTGRES_DB"] ?? "sample",
            // Under load the platform gets slower, never fails: a request waits for one of a few pooled connections
            // (Timeout covers opening one and waiting for one) rather than each opening its own server session,
            // which on a busy machine took longer than 5 s and answered 500.
            Timeout = 30,
            CommandTimeout = 30,
            MaxPoolSize = Number(configuration, "POSTGRES_MAX_POOL_SIZE", 20),
            ApplicationName = $"sample-{role.ToString().ToLowerInvariant()}",
        };
        var broker = new BrokerSettings(
            configuration["RABBITMQ_HOST"] ?? "rabbitmq",
            Number(configuration, "RABBITMQ_PORT", 5672),
            configuration["RABBITMQ_USER"] ?? "sample",
            configuration["RABBITMQ_PASSWORD"] ?? "",
            configuration["SAMPLE_QUEUE"] ?? "sample.jobs");

        var generatorUrl = configuration["GENERATOR_URL"] ?? "http://generator:8080";
        if (!Uri.TryCreate(generatorUrl, UriKind.Absolute, out var generator))
        {
            throw new InvalidOperationException($"GENERATOR_URL=\"{generatorUrl}\" is not an absolute URL; set it to e.g. http://generator:8080");
        }

        var apiToken = configuration["SAMPLE_API_TOKEN"] ?? "";
        var readOnlyToken = configuration["SAMPLE_READONLY_TOKEN"] ?? "";
        if (role == SampleRole.Api && (apiToken.Length == 0 || readOnlyToken.Length == 0))
        {
            throw new InvalidOperationException(
                "the api needs SAMPLE_API_TOKEN and SAMPLE_READONLY_TOKEN; set both in the environment (.env.dev has development values)");
        }

        if (role == SampleRole.Api && apiToken == readOnlyToken)
        {
            throw new InvalidOperationException("SAMPLE_API_TOKEN and SAMPLE_READONLY_TOKEN are the same; give the read-only token its own value");
        }

        return new SampleSettings(
            role,
            database.ConnectionString,
            broker,
            generator,
            apiToken,
            readOnlyToken,
            Number(configuration, "SAMPLE_RATE_LIMIT_PER_MINUTE", 600),
            Number(configuration, "SAMPLE_MAX_ATTEMPTS", 3),
            Fault.Parse(configuration["SAMPLE_FAULT"]));
    }

    public override string ToString() =>
        $"role={Role} broker={Broker.Host}:{Broker.Port} generator={GeneratorUrl} fault={Fault}";

    private static SampleRole ParseRole(string? value) => (value?.Trim().ToLowerInvariant() ?? "api") switch
    {
        "" or "api" => SampleRole.Api,
        "worker" => SampleRole.Worker,
        "generator" => SampleRole.Generator,
        "migrate" => SampleRole.Migrate,
        _ => throw new InvalidOperationException($"SAMPLE_ROLE=\"{value}\" is not a role; use api, worker, generator or migrate"),
    };

    private static int Number(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new InvalidOperationException($"{key}=\"{value}\" is not a positive whole number; fix or unset it (default {fallback})");
    }
}
