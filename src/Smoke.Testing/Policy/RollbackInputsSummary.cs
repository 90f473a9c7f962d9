namespace Smoke.Testing.Policy;

/// <summary>The numbers the decision was made on, for report.json and the summary.</summary>
/// <param name="FailedPercent">Failed tests as a percentage of the tests that ran, rounded to one decimal.</param>
/// <param name="FailedTests">Fully qualified names of the failed tests.</param>
/// <param name="FlakyTests">Tests that failed, then passed on retry: not counted as failures, reported here.</param>
/// <param name="ServicesNotReady">Every service that never became ready, critical or not.</param>
public sealed record RollbackInputsSummary(
    int Total,
    int Passed,
    int Failed,
    int Skipped,
    decimal FailedPercent,
    IReadOnlyList<string> FailedTests,
    IReadOnlyList<string> CriticalFailedTests,
    IReadOnlyList<string> FlakyTests,
    IReadOnlyList<ServiceReadinessOutcome> ServicesNotReady,
    IReadOnlyList<SuiteBudgetOverrun> BudgetOverruns);
