namespace Sample.Tests.Platform;

/// <summary>The tests that share one Postgres and one RabbitMQ; xunit runs them one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformServices>
{
    public const string Name = "platform";
}
