namespace Smoke.Testing.Quality;

/// <summary>Fails a build whose measured assemblies are below their line coverage thresholds.</summary>
public static class CoverageGate
{
    /// <param name="merged">The coverage of every test project, merged (<see cref="CoverageReport.Merge"/>).</param>
    /// <param name="measured">The assemblies that count: our libraries, not tests, samples or fixtures.</param>
    public static CoverageGateResult Evaluate(CoverageReport merged, IReadOnlyList<string> measured, CoverageThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(thresholds);
        var only = merged.Only(measured);
        var verdicts = measured
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .Select(name => new AssemblyCoverageVerdict(
                name,
                only.Assemblies.FirstOrDefault(assembly => string.Equals(assembly.Name, name, StringComparison.OrdinalIgnoreCase)),
                thresholds.For(name)))
            .ToList();
        return new CoverageGateResult(verdicts, only);
    }
}
