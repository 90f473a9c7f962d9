namespace Smoke.Stack.Fixtures;

internal sealed class HealthyWait : IWaitStrategy
{
    public string Describe(TestContainer container) => "HEALTHCHECK healthy";

    public async Task<WaitProbe> ProbeAsync(TestContainer container, CancellationToken cancellationToken)
    {
        var details = await container.InspectAsync(cancellationToken).ConfigureAwait(false);
        if (details.State.Health is not { } health)
        {
            throw new ContainerStartupException(
                $"container \"{container.Name}\" ({container.Image}) has no HEALTHCHECK, so it can never report healthy; "
                + "give the builder one with WithHealthcheck or wait for a port or a log line instead",
                details.State,
                []);
        }

        if (health.Status == "healthy")
        {
            return WaitProbe.Ready;
        }

        var last = health.Log is { Count: > 0 } log ? $"; last probe exited {log[^1].ExitCode}: {log[^1].Output.Trim()}" : "";
        return WaitProbe.NotYet($"health {health.Status}{last}");
    }
}
