namespace Smoke.Stack.Tests.Readiness.Support;

[CollectionDefinition(Name)]
public sealed class ComposeReadinessCollection : ICollectionFixture<ProbeImageFixture>
{
    public const string Name = "readiness of compose projects";
}
