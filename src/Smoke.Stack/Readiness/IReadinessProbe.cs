namespace Smoke.Stack.Readiness;

/// <summary>One check that can be tried repeatedly: an HTTP GET, a TCP connection.</summary>
internal interface IReadinessProbe
{
    /// <summary>What is probed, for messages: <c>HTTP 127.0.0.1:49153/healthz/ready</c>.</summary>
    string Description { get; }

    /// <summary>One attempt; the token carries the attempt's own timeout.</summary>
    Task<ProbeAttempt> AttemptAsync(CancellationToken cancellationToken);
}
