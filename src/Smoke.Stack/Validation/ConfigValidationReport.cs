namespace Smoke.Stack.Validation;

/// <summary>Every problem one validation run found, ordered by file, line and column.</summary>
public sealed record ConfigValidationReport(IReadOnlyList<ConfigProblem> Problems)
{
    public IEnumerable<ConfigProblem> Errors => Problems.Where(problem => problem.Severity == ConfigProblemSeverity.Error);

    public IEnumerable<ConfigProblem> Warnings => Problems.Where(problem => problem.Severity == ConfigProblemSeverity.Warning);

    public bool HasErrors => Errors.Any();
}
