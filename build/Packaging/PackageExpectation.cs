namespace Smoke.Build.Packaging;

/// <summary>
/// What a package must hold; a null <see cref="Version"/> accepts the projects' own. <see cref="HasXmlDocs"/>: the build produced XML docs, so the package must carry them;
/// <see cref="SourceLinked"/>: the checkout has a remote, so the symbols must map sources to it.
/// </summary>
internal sealed record PackageExpectation(
    PackedProject Project,
    string? Version,
    bool HasXmlDocs,
    bool SourceLinked,
    string? RepositoryUrl,
    IReadOnlySet<string> PackedIds);
