namespace Smoke.Testing.Results;

/// <summary>The tests of one test project (one JUnit <c>testsuite</c>).</summary>
/// <param name="Name">The suite name, normally the test assembly, e.g. <c>Smoke.Database.Tests.dll</c>.</param>
/// <param name="SourceFile">The JUnit file the suite was read from.</param>
/// <param name="Timestamp">When the suite started, when the file says.</param>
/// <param name="Duration">The suite's own time, or the sum of its tests when the file does not say.</param>
public sealed record TestSuiteResult(
    string Name,
    string SourceFile,
    DateTimeOffset? Timestamp,
    TimeSpan Duration,
    IReadOnlyList<TestCase> Tests)
{
    public string? Hostname { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    public string? SystemOut { get; init; }

    /// <summary>The project the suite came from: the suite name without <c>.dll</c>.</summary>
    public string Project =>
        Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Name[..^4] : Name;

    public int Total => Tests.Count;

    public int Passed => Tests.Count(test => test.Outcome == TestOutcome.Passed);

    public int Failed => Tests.Count(test => test.Outcome == TestOutcome.Failed);

    public int Skipped => Tests.Count(test => test.Outcome == TestOutcome.Skipped);

    public int Flaky => Tests.Count(test => test.IsFlaky);
}
