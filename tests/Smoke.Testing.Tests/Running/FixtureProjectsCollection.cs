namespace Smoke.Testing.Tests.Running;

/// <summary>Every test that runs the fixture projects: one at a time, since they share the fixtures' build output.</summary>
[CollectionDefinition(Name)]
public sealed class FixtureProjectsCollection : ICollectionFixture<FixtureProjects>
{
    public const string Name = "Fixture smoke projects";
}
