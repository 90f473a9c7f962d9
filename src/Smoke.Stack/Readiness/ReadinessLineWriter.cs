using System.Globalization;

namespace Smoke.Stack.Readiness;

/// <summary>
/// The display for CI logs: one timestamped line per state change, e.g.
/// <c>12:00:04.512 api        ready     4.5s  health + HTTP 127.0.0.1:49153/healthz/ready</c>.
/// </summary>
public sealed class ReadinessLineWriter(Action<string> writeLine) : IProgress<ServiceReadinessChange>
{
    /// <summary>Lines written to <paramref name="writer"/>, flushed after each.</summary>
    public ReadinessLineWriter(TextWriter writer)
        : this(line =>
        {
            writer.WriteLine(line);
            writer.Flush();
        })
    {
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServiceReadinessState> _states = new(StringComparer.Ordinal);

    public void Report(ServiceReadinessChange value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (_states.TryGetValue(value.Service, out var previous) && previous == value.State)
            {
                return;
            }

            _states[value.Service] = value.State;
            writeLine(Format(value));
        }
    }

    internal static string Format(ServiceReadinessChange change)
    {
        var time = change.Time.ToUniversalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var detail = change.State switch
        {
            ServiceReadinessState.Waiting => $"waiting for {change.Probe}",
            ServiceReadinessState.Ready => change.Probe,
            _ => change.Detail,
        };
        return $"{time} {change.Service,-12} {StateText(change.State, change.IsCritical),-9} {WaitDuration.Format(change.Elapsed),6}  {detail}";
    }

    internal static string StateText(ServiceReadinessState state, bool critical) => state switch
    {
        ServiceReadinessState.Waiting => "waiting",
        ServiceReadinessState.Ready => "ready",
        ServiceReadinessState.Failed => critical ? "FAILED" : "warning",
        _ => critical ? "BLOCKED" : "warning",
    };
}
