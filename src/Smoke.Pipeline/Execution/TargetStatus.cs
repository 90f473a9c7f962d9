namespace Smoke.Pipeline;

/// <summary>How a planned target ended, as the summary and <see cref="PipelineBuild.Outcomes"/> report it.</summary>
public enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Cancelled,

    /// <summary>A target without Executes (it only groups others) whose turn came: as in NUKE, neither run nor skipped.</summary>
    Collective,
}
