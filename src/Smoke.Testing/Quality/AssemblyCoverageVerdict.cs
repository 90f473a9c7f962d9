namespace Smoke.Testing.Quality;

/// <summary>One measured assembly judged against its threshold.</summary>
/// <param name="Coverage">Null when no test project's coverage named the assembly at all.</param>
public sealed record AssemblyCoverageVerdict(string Assembly, AssemblyCoverage? Coverage, decimal Threshold)
{
    public bool Passed => Coverage is { } coverage && !CoveragePercent.IsBelow(coverage.LinesCovered, coverage.LinesValid, Threshold);

    /// <summary>One line for the console and the summary, e.g. <c>Smoke.Stack: 71.3% of 2,410 lines (threshold 70%)</c>.</summary>
    public string Describe() =>
        Coverage is { } coverage
            ? $"{Assembly}: {CoveragePercent.Text(coverage.LinePercent)} of {coverage.LinesValid:N0} lines, {coverage.LinesCovered:N0} covered (threshold {Threshold:0.##}%)"
            : $"{Assembly}: no coverage data (threshold {Threshold:0.##}%): no test project loaded it";
}
