namespace Smoke.Testing.Quality;

/// <summary>The coverage of one assembly (a Cobertura <c>package</c>), class by class.</summary>
public sealed record AssemblyCoverage(string Name, IReadOnlyList<ClassCoverage> Classes)
{
    /// <summary>Per source file, a line counted once however many classes (lambdas, state machines) share it.</summary>
    public IReadOnlyList<FileCoverage> Files =>
        Classes
            .GroupBy(type => type.File, StringComparer.Ordinal)
            .Select(file =>
            {
                var lines = file.SelectMany(type => type.Lines)
                    .GroupBy(line => line.Number)
                    .Select(line => (Number: line.Key, Covered: line.Any(l => l.IsCovered)))
                    .ToList();
                var uncovered = lines.Where(line => !line.Covered).Select(line => line.Number).Order().ToList();
                return new FileCoverage(Name, file.Key, lines.Count, lines.Count - uncovered.Count, uncovered);
            })
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();

    public int LinesValid => Files.Sum(file => file.LinesValid);

    public int LinesCovered => Files.Sum(file => file.LinesCovered);

    public decimal LinePercent => CoveragePercent.Of(LinesCovered, LinesValid);
}
