using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Smoke.JUnit.TestLogger.Results;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>
/// Every attempt of one test in one run. A test reported more than once (same fully qualified name and arguments)
/// was retried; it stays one testcase and its last attempt decides the verdict.
/// </summary>
internal sealed record TestCaseAttempts(IReadOnlyList<RecordedTestResult> Attempts)
{
    public RecordedTestResult Last => Attempts[^1];

    public TestCaseVerdict Verdict => VerdictOf(Last.Outcome);

    /// <summary>The attempts before the last that did not pass: flaky ones when the last passed, reruns otherwise.</summary>
    public IEnumerable<RecordedTestResult> EarlierUnsuccessful =>
        Attempts.Take(Attempts.Count - 1).Where(a => VerdictOf(a.Outcome) is TestCaseVerdict.Failed or TestCaseVerdict.Error);

    public TimeSpan Duration => Attempts.Aggregate(TimeSpan.Zero, (total, a) => total + a.Duration);

    /// <summary>Groups a run's results into testcases, in the order each test was first reported.</summary>
    public static IReadOnlyList<TestCaseAttempts> Group(IEnumerable<RecordedTestResult> results) =>
        [.. results
            .GroupBy(r => (r.Source, r.FullyQualifiedName, r.DisplayName))
            .Select(g => new TestCaseAttempts([.. g]))];

    public static TestCaseVerdict VerdictOf(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => TestCaseVerdict.Passed,
        TestOutcome.Failed => TestCaseVerdict.Failed,
        TestOutcome.Skipped => TestCaseVerdict.Skipped,
        // None and NotFound: the adapter lost the test (a crash mid-test, a test that vanished); that is an error, not a skip.
        _ => TestCaseVerdict.Error,
    };
}
