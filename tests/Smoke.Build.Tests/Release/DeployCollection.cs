namespace Smoke.Build.Tests.Release;

/// <summary>Deploys run one after another: they share the engine, two cores, and one environment deployed once.</summary>
[CollectionDefinition(Name)]
public sealed class DeployCollection : ICollectionFixture<DeployedEnvironment>
{
    public const string Name = "deploys";
}
