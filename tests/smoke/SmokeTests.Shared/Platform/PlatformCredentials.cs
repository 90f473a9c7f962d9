namespace SmokeTests.Shared;

/// <summary>
/// The bundled platform's credentials, read from the variables docker-compose.services.yml gives the
/// stack (.env.dev has development values). User names fall back to the compose file's defaults;
/// passwords and tokens have no default there, so a missing one fails the test that needs it.
/// </summary>
public static class PlatformCredentials
{
    public static string PostgresUser => SmokeVariables.Optional("POSTGRES_USER") ?? "sample";

    public static string PostgresPassword => SmokeVariables.Required("POSTGRES_PASSWORD", "the database password the stack was started with");

    public static string PostgresDatabase => SmokeVariables.Optional("POSTGRES_DB") ?? "sample";

    public static string RabbitMqUser => SmokeVariables.Optional("RABBITMQ_USER") ?? "sample";

    public static string RabbitMqPassword => SmokeVariables.Required("RABBITMQ_PASSWORD", "the RabbitMQ password the stack was started with");

    /// <summary>The read-write API token: it may create jobs.</summary>
    public static string ApiToken => SmokeVariables.Required("SAMPLE_API_TOKEN", "the api's read-write token");

    /// <summary>The read-only API token: it may read jobs, and creating one is 403.</summary>
    public static string ReadOnlyToken => SmokeVariables.Required("SAMPLE_READONLY_TOKEN", "the api's read-only token");
}
