namespace Smoke.Pipeline;

public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Cancelled,
}
