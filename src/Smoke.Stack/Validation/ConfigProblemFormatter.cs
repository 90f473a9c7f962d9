namespace Smoke.Stack.Validation;

/// <summary>Writes a <see cref="ConfigProblem"/> the way compilers do, so terminals and editors can jump to it.</summary>
public static class ConfigProblemFormatter
{
    /// <summary>
    /// <c>docker-compose.services.yml:12:5: error SMK012: message</c>; the file is shown relative to
    /// <paramref name="relativeTo"/> when given (usually the repository root).
    /// </summary>
    public static string ToConsoleLine(ConfigProblem problem, string? relativeTo = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var severity = problem.Severity == ConfigProblemSeverity.Error ? "error" : "warning";
        var location = Location(problem, relativeTo);
        return location.Length == 0
            ? $"{severity} {problem.Rule}: {problem.Message}"
            : $"{location}: {severity} {problem.Rule}: {problem.Message}";
    }

    /// <summary>
    /// <c>SMK012: message</c>, without location or severity, for a log whose host writes those itself (a terminal's
    /// <c>error: file(line,col):</c>, a GitHub annotation's <c>file=</c>), so each line carries its location once.
    /// </summary>
    public static string ToHostMessage(ConfigProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{problem.Rule}: {problem.Message}";
    }

    private static string Location(ConfigProblem problem, string? relativeTo)
    {
        if (problem.File is null)
        {
            return "";
        }

        var file = relativeTo is null ? problem.File : Path.GetRelativePath(relativeTo, problem.File);
        return (problem.Line, problem.Column) switch
        {
            ({ } line, { } column) => $"{file}:{line}:{column}",
            ({ } line, null) => $"{file}:{line}",
            _ => file,
        };
    }
}
