namespace Smoke.Testing.Quality;

/// <summary>One source file of an assembly: its coverable lines across every class declared in it.</summary>
public sealed record FileCoverage(string Assembly, string Path, int LinesValid, int LinesCovered, IReadOnlyList<int> UncoveredLines)
{
    /// <summary>Covered lines as a percentage; 100 for a file with nothing to cover.</summary>
    public decimal LinePercent => CoveragePercent.Of(LinesCovered, LinesValid);

    /// <summary>The path relative to <paramref name="rootDirectory"/> (the repository), or as it is when the file lies outside it.</summary>
    public string PathFrom(string rootDirectory)
    {
        var relative = System.IO.Path.GetRelativePath(rootDirectory, Path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path : relative;
    }
}
