using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>One <c>dotnet test</c> of a project: the first run, or a retry of its failed tests.</summary>
/// <param name="Number">1 for the first run, 2 for the first retry, and so on.</param>
/// <param name="Filter">The VSTest <c>--filter</c> used, or null when every test ran.</param>
/// <param name="ExitCode">The exit code of <c>dotnet test</c>; null when it was killed at the timeout.</param>
/// <param name="Tests">The tests as this attempt saw them; empty when it wrote no results.</param>
public sealed record SmokeProjectAttempt(
    int Number,
    string? Filter,
    DateTimeOffset Start,
    TimeSpan Duration,
    int? ExitCode,
    IReadOnlyList<TestCase> Tests)
{
    /// <summary>The JUnit file this attempt wrote, when it wrote one.</summary>
    public string? JUnitFile { get; init; }
}
