namespace Smoke.Testing.Running;

/// <summary>The runs of a repeated smoke run, and their combination.</summary>
/// <param name="Runs">Each run as it ended, first run first; its JUnit files are under <c>&lt;results&gt;/repeats/run-&lt;n&gt;/</c>.</param>
/// <param name="Combined">
/// One result over all runs, which the reports show: a test that passed in some runs and failed in others is flaky
/// (passed, with a <c>flakyFailure</c> per failed run); one that failed in every run it ran in is failed (with a
/// <c>rerunFailure</c> per earlier failed run). Its attempts are every run's attempts in order, numbered on.
/// </param>
/// <param name="Histories">Per test, its outcome in each run, in the order the tests first appeared.</param>
public sealed record RepeatedSmokeRunResult(IReadOnlyList<SmokeRunResult> Runs, SmokeRunResult Combined, IReadOnlyList<TestHistory> Histories)
{
    public IReadOnlyList<TestHistory> Flaky => Histories.Where(history => history.IsFlaky).ToList();
}
