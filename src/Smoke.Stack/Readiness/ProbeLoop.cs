namespace Smoke.Stack.Readiness;

/// <summary>
/// Tries a probe until it succeeds: fast at first (50 ms), backing off to once a second, each attempt bounded by
/// its own timeout so one hung request cannot use up the service's deadline.
/// </summary>
internal static class ProbeLoop
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    public static async Task RunAsync(
        IReadinessProbe probe,
        ProbeStatus status,
        TimeSpan attemptTimeout,
        TimeProvider clock,
        Action changed,
        CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        while (true)
        {
            ProbeAttempt attempt;
            using (var attemptDeadline = new CancellationTokenSource(attemptTimeout, clock))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptDeadline.Token))
            {
                try
                {
                    attempt = await probe.AttemptAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    attempt = ProbeAttempt.NotReady($"no answer from {probe.Description} within {WaitDuration.Format(attemptTimeout)} (per attempt)");
                }
            }

            if (attempt.IsReady)
            {
                status.MarkSucceeded();
                changed();
                return;
            }

            if (status.RecordError(attempt.Error ?? $"{probe.Description} is not ready"))
            {
                changed();
            }

            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }
}
