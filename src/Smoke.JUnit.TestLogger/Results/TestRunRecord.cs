namespace Smoke.JUnit.TestLogger.Results;

/// <summary>Everything one test run reported, ready to be written as one JUnit file.</summary>
/// <param name="StartedAt">When the run started; the testsuite's <c>timestamp</c>.</param>
/// <param name="Sources">The test assemblies of the run, including any that reported no result.</param>
/// <param name="Results">Every result the adapters reported, in the order reported.</param>
/// <param name="RunErrors">Run-level errors (a crashed test host, an aborted run), written to the suite's <c>system-err</c>.</param>
/// <param name="RunAttachments">Files attached to the whole run (coverage, blame dumps).</param>
internal sealed record TestRunRecord(
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Sources,
    IReadOnlyList<RecordedTestResult> Results,
    IReadOnlyList<string> RunErrors,
    IReadOnlyList<string> RunAttachments)
{
    public string? TargetFramework { get; init; }

    public bool Aborted { get; init; }

    public string HostName { get; init; } = Environment.MachineName;
}
