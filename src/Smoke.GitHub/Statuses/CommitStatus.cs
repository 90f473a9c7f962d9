namespace Smoke.GitHub;

/// <summary>A commit status as GitHub returns it.</summary>
public sealed record CommitStatus
{
    public long Id { get; init; }

    public CommitState State { get; init; }

    public string Context { get; init; } = "";

    public string? Description { get; init; }

    public Uri? TargetUrl { get; init; }

    public GitHubUser? Creator { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
