namespace Smoke.Testing.Reports;

/// <summary>One service of the stack and whether it became ready.</summary>
/// <param name="Reason">Why it is not ready (or what made it ready), e.g. <c>HTTP 503 from 127.0.0.1:49153/healthz/ready</c>.</param>
public sealed record ReportedService(string Name, bool Ready, TimeSpan? TimeToReady = null, string? Reason = null)
{
    /// <summary>False for services labelled <c>io.smoke.critical: "false"</c>: their failure does not fail the run.</summary>
    public bool Critical { get; init; } = true;

    /// <summary>When the wait for it began; when unknown, the timeline uses the run's start.</summary>
    public DateTimeOffset? Start { get; init; }
}
