namespace Smoke.Testing.Policy;

/// <summary>Whether a service of the stack became ready, as the readiness wait saw it.</summary>
/// <param name="Service">The compose service name.</param>
/// <param name="IsCritical">False for services labelled <c>io.smoke.critical: "false"</c>.</param>
/// <param name="BecameReady">False when the service never became ready within its deadline.</param>
public sealed record ServiceReadinessOutcome(string Service, bool IsCritical, bool BecameReady)
{
    /// <summary>Why it was not ready, e.g. <c>HTTP 503 from 127.0.0.1:49153/healthz/ready</c>.</summary>
    public string? Detail { get; init; }

    /// <summary>How long the wait took (to ready, or to giving up).</summary>
    public TimeSpan? Elapsed { get; init; }
}
