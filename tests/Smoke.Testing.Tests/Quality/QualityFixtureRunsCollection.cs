namespace Smoke.Testing.Tests.Quality;

/// <summary>Every test that reads the quality fixtures' real runs.</summary>
[CollectionDefinition(Name)]
public sealed class QualityFixtureRunsCollection : ICollectionFixture<QualityFixtureRuns>
{
    public const string Name = "Quality fixture runs";
}
