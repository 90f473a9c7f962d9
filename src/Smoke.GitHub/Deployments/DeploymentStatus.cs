namespace Smoke.GitHub;

/// <summary>A deployment status as GitHub returns it.</summary>
public sealed record DeploymentStatus
{
    public long Id { get; init; }

    public DeploymentState State { get; init; }

    public string? Description { get; init; }

    public string? Environment { get; init; }

    public Uri? LogUrl { get; init; }

    public Uri? EnvironmentUrl { get; init; }

    public Uri? TargetUrl { get; init; }

    public GitHubUser? Creator { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
