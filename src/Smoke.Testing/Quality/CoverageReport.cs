namespace Smoke.Testing.Quality;

/// <summary>Line coverage of several assemblies, as read from Cobertura files and merged across test projects.</summary>
public sealed record CoverageReport(IReadOnlyList<AssemblyCoverage> Assemblies)
{
    public int LinesValid => Assemblies.Sum(assembly => assembly.LinesValid);

    public int LinesCovered => Assemblies.Sum(assembly => assembly.LinesCovered);

    public decimal LinePercent => CoveragePercent.Of(LinesCovered, LinesValid);

    public IEnumerable<FileCoverage> Files => Assemblies.SelectMany(assembly => assembly.Files);

    /// <summary>
    /// The union of several reports, e.g. one per test project: a line is covered when any report covered it (hits are
    /// added up), and a branch line keeps the most conditions any report took. Assemblies, classes and lines that only
    /// some reports know are kept.
    /// </summary>
    public static CoverageReport Merge(IEnumerable<CoverageReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var assemblies = reports
            .SelectMany(report => report.Assemblies)
            .GroupBy(assembly => assembly.Name, StringComparer.Ordinal)
            .OrderBy(assembly => assembly.Key, StringComparer.Ordinal)
            .Select(assembly => new AssemblyCoverage(
                assembly.Key,
                assembly.SelectMany(a => a.Classes)
                    .GroupBy(type => (type.Name, type.File))
                    .OrderBy(type => type.Key.File, StringComparer.Ordinal)
                    .ThenBy(type => type.Key.Name, StringComparer.Ordinal)
                    .Select(type => new ClassCoverage(type.Key.Name, type.Key.File, MergeLines(type.SelectMany(t => t.Lines))))
                    .ToList()))
            .ToList();
        return new CoverageReport(assemblies);
    }

    /// <summary>Only the assemblies <paramref name="measured"/> names (compared without regard to case), e.g. our libraries without tests and samples.</summary>
    public CoverageReport Only(IEnumerable<string> measured)
    {
        var names = measured.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new CoverageReport(Assemblies.Where(assembly => names.Contains(assembly.Name)).ToList());
    }

    private static List<CoverageLine> MergeLines(IEnumerable<CoverageLine> lines) =>
        lines
            .GroupBy(line => line.Number)
            .OrderBy(line => line.Key)
            .Select(line => new CoverageLine(line.Key, line.Sum(l => l.Hits))
            {
                ConditionsCovered = line.Max(l => l.ConditionsCovered),
                ConditionsTotal = line.Max(l => l.ConditionsTotal),
            })
            .ToList();
}
