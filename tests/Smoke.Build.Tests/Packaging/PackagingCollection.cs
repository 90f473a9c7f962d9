namespace Smoke.Build.Tests.Packaging;

/// <summary>Packing is slow and writes the projects' Release output: the packaging tests share one pack and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackedLibraries>
{
    public const string Name = "packaging";
}
