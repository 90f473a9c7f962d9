namespace Smoke.Stack.Tests.Images;

[CollectionDefinition(Name)]
public sealed class OfflineImageCollection : ICollectionFixture<OfflineImageFixture>
{
    public const string Name = "offline image";
}
