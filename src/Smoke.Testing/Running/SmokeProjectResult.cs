using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>How one smoke test project ended, with its tests (retries folded in) and what is needed to diagnose it.</summary>
/// <param name="Name">The project file name without <c>.csproj</c>, e.g. <c>Smoke.Database.Tests</c>.</param>
/// <param name="Start">When the project started running (after the build).</param>
/// <param name="Duration">From start to end, retries included.</param>
/// <param name="Tests">
/// The final tests, read back from <see cref="JUnitFile"/>. A project that hung, crashed or did not build carries one
/// extra failed test named <c>[project hung]</c>, <c>[project crashed]</c> or <c>[project build failed]</c>, so that
/// every JUnit consumer and the rollback policy see the failure.
/// </param>
/// <param name="Attempts">Every <c>dotnet test</c> run, first one first: per-test outcomes across attempts.</param>
public sealed record SmokeProjectResult(
    string Name,
    string ProjectPath,
    SmokeProjectStatus Status,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyList<TestCase> Tests,
    IReadOnlyList<SmokeProjectAttempt> Attempts)
{
    /// <summary>The combined JUnit file, <c>&lt;results&gt;/&lt;assembly&gt;.junit.xml</c>.</summary>
    public string? JUnitFile { get; init; }

    /// <summary>Why the project hung, crashed or did not build, in one or a few sentences.</summary>
    public string? Note { get; init; }

    /// <summary>The last lines of the project's build or test output, secrets masked.</summary>
    public IReadOnlyList<string> OutputTail { get; init; } = [];

    /// <summary>The VSTest filter of the first attempt, or null when every test ran.</summary>
    public string? Filter { get; init; }

    public int Passed => Tests.Count(test => test.Outcome == TestOutcome.Passed);

    public int Failed => Tests.Count(test => test.Outcome == TestOutcome.Failed);

    public int Skipped => Tests.Count(test => test.Outcome == TestOutcome.Skipped);

    public int Flaky => Tests.Count(test => test.IsFlaky);
}
