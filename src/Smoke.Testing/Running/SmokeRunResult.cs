using Smoke.Testing.Policy;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>Every selected smoke test project, in the order they were given, and the run's own timing.</summary>
public sealed record SmokeRunResult(IReadOnlyList<SmokeProjectResult> Projects, DateTimeOffset Start, TimeSpan Duration)
{
    /// <summary>Projects left out by <see cref="SmokeRunOptions.Only"/>.</summary>
    public IReadOnlyList<string> NotSelected { get; init; } = [];

    /// <summary>Things a person should know that did not fail the run, e.g. an <c>--only</c> name that matched nothing.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Projects, or the run as a whole, that ran past their maximum time budget (Smoke.Testing.Quality.SuiteBudgetCheck).</summary>
    public IReadOnlyList<SuiteBudgetOverrun> BudgetOverruns { get; init; } = [];

    public IReadOnlyList<TestCase> Tests => Projects.SelectMany(project => project.Tests).ToList();

    public int Passed => Projects.Sum(project => project.Passed);

    public int Failed => Projects.Sum(project => project.Failed);

    public int Skipped => Projects.Sum(project => project.Skipped);

    public int Flaky => Projects.Sum(project => project.Flaky);

    /// <summary>True when every project passed (flaky tests allowed).</summary>
    public bool Succeeded => Projects.All(project => project.Status == SmokeProjectStatus.Passed);

    /// <summary>
    /// Why the SmokeTests target failed, in one line, or null when nothing did. The line is the target's note in the
    /// console summary, summary.md and report.html alike, so it names files rather than "the failures above".
    /// </summary>
    public string? FailureNote(IReadOnlyList<string> gateFailures)
    {
        ArgumentNullException.ThrowIfNull(gateFailures);
        var failed = Projects.Where(project => project.Status != SmokeProjectStatus.Passed).Select(project => $"{project.Name} ({StatusText.Of(project.Status)})").ToList();
        var reasons = failed.Count == 0 ? gateFailures : [$"smoke tests failed in {string.Join(", ", failed)}", .. gateFailures];
        return reasons.Count == 0
            ? null
            : $"{string.Join("; ", reasons)}; each failure is in the smoke report (artifacts/smoke/report.html and summary.md) and the JUnit files in artifacts/test-results/";
    }

    /// <summary>What the rollback policy judges: every final test, the placeholders of hung and crashed projects included, and the budget overruns.</summary>
    public RollbackPolicyInput ToPolicyInput() => new(Tests) { BudgetOverruns = BudgetOverruns };
}
