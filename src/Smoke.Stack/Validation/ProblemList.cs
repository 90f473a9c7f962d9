namespace Smoke.Stack.Validation;

/// <summary>Collects problems as the checks find them, so one run reports all of them.</summary>
internal sealed class ProblemList
{
    private readonly List<ConfigProblem> _problems = [];

    public void Error(string rule, SourceLocation location, string message) =>
        Add(ConfigProblemSeverity.Error, rule, location, message);

    public void Warning(string rule, SourceLocation location, string message) =>
        Add(ConfigProblemSeverity.Warning, rule, location, message);

    public void Add(ConfigProblemSeverity severity, string rule, SourceLocation location, string message) =>
        _problems.Add(new ConfigProblem(severity, rule, message, location.File, location.Line, location.Column));

    public IReadOnlyList<ConfigProblem> InReadingOrder() =>
        [.. _problems
            .Select((problem, index) => (problem, index))
            .OrderBy(entry => entry.problem.File is null)
            .ThenBy(entry => entry.problem.File, StringComparer.Ordinal)
            .ThenBy(entry => entry.problem.Line ?? 0)
            .ThenBy(entry => entry.problem.Column ?? 0)
            .ThenBy(entry => entry.index)
            .Select(entry => entry.problem)];
}
