namespace Smoke.Testing.Results;

/// <summary>A JUnit file that could not be read: not XML, cut short, or not shaped like JUnit.</summary>
public sealed class JUnitFormatException : Exception
{
    public JUnitFormatException(string filePath, int line, int column, string problem, Exception? innerException = null)
        : base(Describe(filePath, line, column, problem), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
    }

    public string FilePath { get; }

    /// <summary>1-based line of the problem; 0 when the file has no usable position (empty file).</summary>
    public int Line { get; }

    public int Column { get; }

    private static string Describe(string filePath, int line, int column, string problem)
    {
        var where = line > 0 ? $"{filePath}:{line}:{column}" : filePath;
        return $"cannot read JUnit results {where}: {problem}. " +
            "A test host that was killed or crashed leaves a partial file: re-run the test project to write it again, " +
            "and check that the file comes from a JUnit logger.";
    }
}
