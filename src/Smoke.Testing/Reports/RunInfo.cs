namespace Smoke.Testing.Reports;

/// <summary>Which run a report describes.</summary>
/// <param name="Id">A unique id for the run, e.g. the CI run id or a timestamp-based one.</param>
/// <param name="Host">The machine name.</param>
public sealed record RunInfo(string Id, DateTimeOffset Start, DateTimeOffset End, string Host)
{
    /// <summary>The commit under test, when known.</summary>
    public string? GitSha { get; init; }

    /// <summary>The parameter profile(s) the run used, e.g. <c>ci</c>.</summary>
    public string? Profile { get; init; }

    public TimeSpan Duration => End - Start;
}
