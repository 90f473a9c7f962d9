namespace Smoke.Build.Docs;

/// <summary>What building the site found: the problems (the site is written anyway, for a look) and the pages written.</summary>
internal sealed record DocsSiteResult(IReadOnlyList<SourceProblem> Problems, IReadOnlyList<string> Pages);
