namespace Smoke.Stack.Validation;

/// <summary>A user/password pair an image ships with or documents, which must never guard a real environment.</summary>
internal sealed record KnownDefaultCredential(string Product, string UserKey, string PasswordKey, string DefaultUser, string DefaultPassword)
{
    public static IReadOnlyList<KnownDefaultCredential> All { get; } =
    [
        new("PostgreSQL", "POSTGRES_USER", "POSTGRES_PASSWORD", "postgres", "postgres"),
        new("RabbitMQ", "RABBITMQ_DEFAULT_USER", "RABBITMQ_DEFAULT_PASS", "guest", "guest"),
    ];
}
