namespace Smoke.JUnit.TestLogger.Report;

/// <summary>What a testcase amounts to in JUnit terms.</summary>
internal enum TestCaseVerdict
{
    Passed,
    Failed,
    Skipped,

    /// <summary>The test did not run to a verdict (VSTest outcome None or NotFound): JUnit's <c>error</c>.</summary>
    Error,
}
