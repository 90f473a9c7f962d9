namespace Smoke.GitHub;

/// <summary>The states of a deployment status, sent as GitHub spells them (<c>in_progress</c>, ...).</summary>
public enum DeploymentState
{
    Error,
    Failure,
    Inactive,
    InProgress,
    Queued,
    Pending,
    Success,
}
