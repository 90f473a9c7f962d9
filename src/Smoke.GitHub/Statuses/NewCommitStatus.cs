namespace Smoke.GitHub;

/// <summary>The body of "create a commit status".</summary>
public sealed record NewCommitStatus(CommitState State)
{
    /// <summary>Which check this is; a later status with the same context replaces it. GitHub's default is <c>default</c>.</summary>
    public string Context { get; init; } = "smoke";

    /// <summary>Shown beside the state; longer than 140 characters is cut with an ellipsis.</summary>
    public string? Description { get; init; }

    public Uri? TargetUrl { get; init; }
}
