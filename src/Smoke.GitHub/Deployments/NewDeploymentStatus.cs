namespace Smoke.GitHub;

/// <summary>The body of "create a deployment status".</summary>
public sealed record NewDeploymentStatus(DeploymentState State)
{
    /// <summary>Shown beside the state; GitHub allows 140 characters, so longer text is cut with an ellipsis.</summary>
    public string? Description { get; init; }

    /// <summary>Where the deployment's output is, e.g. the Actions run or the smoke report.</summary>
    public Uri? LogUrl { get; init; }

    /// <summary>Where the deployed environment can be reached.</summary>
    public Uri? EnvironmentUrl { get; init; }

    /// <summary>Moves the deployment to another environment; null keeps it.</summary>
    public string? Environment { get; init; }

    /// <summary>
    /// Whether a <c>success</c> marks earlier successful deployments to the same environment inactive;
    /// null leaves GitHub's default (true).
    /// </summary>
    public bool? AutoInactive { get; init; }
}
