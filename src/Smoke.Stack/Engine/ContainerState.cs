namespace Smoke.Stack.Engine;

/// <summary>The <c>State</c> of an inspected container.</summary>
public sealed record ContainerState(
    string Status,
    bool Running,
    bool Restarting,
    bool OOMKilled,
    bool Dead,
    int Pid,
    int ExitCode,
    string? Error,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ContainerHealth? Health)
{
    public override string ToString()
    {
        var text = $"{Status} (exit code {ExitCode}{(OOMKilled ? ", killed for running out of memory" : "")})";
        if (!string.IsNullOrEmpty(Error))
        {
            text += $", error: {Error}";
        }

        return Health is null ? text : $"{text}, health {Health.Status} after {Health.FailingStreak} failing checks";
    }
}
