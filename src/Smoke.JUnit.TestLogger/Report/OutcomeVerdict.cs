using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>What a VSTest outcome amounts to in JUnit terms.</summary>
internal static class OutcomeVerdict
{
    public static TestCaseVerdict Of(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Passed => TestCaseVerdict.Passed,
        TestOutcome.Failed => TestCaseVerdict.Failed,
        TestOutcome.Skipped => TestCaseVerdict.Skipped,
        // None and NotFound: the adapter lost the test (a crash mid-test, a test that vanished); that is an error, not a skip.
        _ => TestCaseVerdict.Error,
    };
}
