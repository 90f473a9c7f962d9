namespace Smoke.Testing.Quality;

/// <summary>What the coverage gate decided: every measured assembly with its verdict, and the merged coverage of all of them.</summary>
public sealed record CoverageGateResult(IReadOnlyList<AssemblyCoverageVerdict> Assemblies, CoverageReport Measured)
{
    public bool Passed => Assemblies.All(assembly => assembly.Passed);

    public IReadOnlyList<AssemblyCoverageVerdict> Failed => Assemblies.Where(assembly => !assembly.Passed).ToList();

    /// <summary>The files with the lowest line coverage (most uncovered lines first among equals), where tests help most.</summary>
    public IReadOnlyList<FileCoverage> LeastCovered(int count) =>
        Measured.Files
            .Where(file => file.LinesValid > 0 && file.LinesCovered < file.LinesValid)
            .OrderBy(file => file.LinePercent)
            .ThenByDescending(file => file.LinesValid - file.LinesCovered)
            .ThenBy(file => file.Path, StringComparer.Ordinal)
            .Take(count)
            .ToList();

    /// <summary>Why the gate failed, naming each assembly below its threshold and what to do; null when it passed.</summary>
    public string? FailureMessage =>
        Passed
            ? null
            : $"line coverage is below the threshold in {string.Join("; ", Failed.Select(assembly => assembly.Describe()))}. "
              + "Add tests for the least-covered files (artifacts/coverage/index.html lists them), or lower the threshold "
              + "knowingly with --coverage-threshold or CoverageThresholds in .nuke/parameters.json (docs/quality-gates.md)";
}
