using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Smoke.JUnit.TestLogger.Results;

/// <summary>One result of one test as the adapter reported it: one testcase in the report.</summary>
/// <param name="Source">The test assembly's path.</param>
/// <param name="FullyQualifiedName">Namespace, class and method: <c>Sample.Tests.CalculatorTests.Adds</c>.</param>
/// <param name="DisplayName">The name the framework shows, with a theory's arguments: <c>Sample.Tests.CalculatorTests.Adds(a: 1)</c>.</param>
/// <param name="StandardOutput">What the test wrote through the framework's output channel (xunit's ITestOutputHelper).</param>
/// <param name="Attachments">Paths of files the test attached to its result.</param>
internal sealed record RecordedTestResult(
    string Source,
    string FullyQualifiedName,
    string DisplayName,
    TestOutcome Outcome,
    TimeSpan Duration)
{
    public DateTimeOffset? StartTime { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ErrorStackTrace { get; init; }

    public string? StandardOutput { get; init; }

    public string? StandardError { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>> Traits { get; init; } = [];

    public IReadOnlyList<string> Attachments { get; init; } = [];

    public string? CodeFilePath { get; init; }

    /// <summary>The line of the test method, when the adapter knows it (0 or less means unknown).</summary>
    public int LineNumber { get; init; }

    public string? ComputerName { get; init; }
}
