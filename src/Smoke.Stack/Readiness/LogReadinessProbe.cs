using System.Text.RegularExpressions;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>Ready once a line of the container log matches; follows the log rather than fetching it over and over.</summary>
internal sealed class LogReadinessProbe(DockerEngineClient engine, string containerId, Regex pattern)
{
    public string Description { get; } = $"log line matching /{pattern}/";

    public async Task RunAsync(ProbeStatus status, TimeProvider clock, Action changed, CancellationToken cancellationToken)
    {
        status.RecordError($"no log line matches /{pattern}/ yet");
        var delay = ProbeLoop.FirstDelay;
        while (true)
        {
            try
            {
                await foreach (var line in engine.FollowContainerLogsAsync(containerId, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (Matches(line.Text))
                    {
                        status.MarkSucceeded();
                        changed();
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is DockerEngineApiException or DockerEngineUnreachableException or IOException or HttpRequestException)
            {
                if (status.RecordError($"cannot follow the container log to look for /{pattern}/: {ex.Message}"))
                {
                    changed();
                }
            }

            // The log ended: the container stopped (its wait fails on that) or is restarting; follow it again.
            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < ProbeLoop.MaxDelay ? delay * 2 : ProbeLoop.MaxDelay;
        }
    }

    private bool Matches(string line)
    {
        try
        {
            return pattern.IsMatch(line);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
