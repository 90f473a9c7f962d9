namespace Smoke.Stack.Tests.Readiness.Support;

[CollectionDefinition(Name)]
public sealed class ContainerReadinessCollection : ICollectionFixture<ProbeImageFixture>
{
    public const string Name = "readiness of labelled containers";
}
