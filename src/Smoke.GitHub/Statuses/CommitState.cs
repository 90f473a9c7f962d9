namespace Smoke.GitHub;

public enum CommitState
{
    Error,
    Failure,
    Pending,
    Success,
}
