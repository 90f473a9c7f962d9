namespace Smoke.Release;

/// <summary>One deploy or rollback of a release to an environment.</summary>
/// <param name="Id">Tells apart two deploys of the same release.</param>
/// <param name="Release">The release name, e.g. <c>v42</c>.</param>
/// <param name="Images">Service name to the image reference it ran, e.g. <c>api</c> → <c>smoke/api:v42</c>.</param>
/// <param name="GitSha">The commit the release was built from, when known.</param>
/// <param name="TriggeredBy">Who or what started it, e.g. a GitHub actor or the local user.</param>
public sealed record ReleaseRecord(
    string Id,
    string Release,
    ReleaseAction Action,
    IReadOnlyDictionary<string, string> Images,
    string? GitSha,
    string TriggeredBy,
    DateTimeOffset StartedAt)
{
    public ReleaseVerdict Verdict { get; init; } = ReleaseVerdict.InProgress;

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Why it failed or stopped: the rollback rule that fired, or what interrupted it.</summary>
    public string? Reason { get; init; }

    /// <summary>For a rollback: the release it replaced.</summary>
    public string? RollbackOf { get; init; }
}
