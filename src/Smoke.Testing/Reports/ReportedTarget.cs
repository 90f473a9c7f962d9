namespace Smoke.Testing.Reports;

/// <summary>One target of the pipeline run.</summary>
/// <param name="Note">The skip reason or the first line of the error.</param>
public sealed record ReportedTarget(string Name, ReportedTargetStatus Status, TimeSpan Duration, string? Note = null)
{
    /// <summary>When the target started; when unknown, the timeline places targets one after the other from the run's start.</summary>
    public DateTimeOffset? Start { get; init; }
}
