using System.Security.Cryptography;

namespace Smoke.Stack.Sessions;

/// <summary>
/// Who owns the Docker resources a run creates. Every container, network and volume carries <see cref="Labels"/>,
/// so a later run can tell whether the owner is still alive (same host, same pid, same process start time) and
/// sweep what a killed run left behind.
/// </summary>
public sealed record StackSession(string RunId, int OwnerPid, string OwnerHost, string? OwnerStartTime)
{
    public const string SessionLabel = "io.smoke.session";
    public const string OwnerPidLabel = "io.smoke.owner.pid";
    public const string OwnerHostLabel = "io.smoke.owner.host";
    public const string OwnerStartTimeLabel = "io.smoke.owner.started";

    private static readonly Lazy<StackSession> ProcessWide = new(() => ForCurrentProcess());

    /// <summary>One session for the whole process, used by container fixtures unless told otherwise.</summary>
    public static StackSession Current => ProcessWide.Value;

    /// <summary>A session owned by this process; a fresh short run id unless one is given.</summary>
    public static StackSession ForCurrentProcess(string? runId = null)
    {
        var pid = Environment.ProcessId;
        return new StackSession(runId ?? NewRunId(), pid, Environment.MachineName, OwnerProcess.StartTimeOf(pid));
    }

    /// <summary>Eight hex digits: short enough for a compose project name, random enough for one machine.</summary>
    public static string NewRunId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public IReadOnlyDictionary<string, string> Labels
    {
        get
        {
            var labels = new Dictionary<string, string>
            {
                [SessionLabel] = RunId,
                [OwnerPidLabel] = OwnerPid.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [OwnerHostLabel] = OwnerHost,
            };
            if (OwnerStartTime is { } started)
            {
                labels[OwnerStartTimeLabel] = started;
            }

            return labels;
        }
    }

    /// <summary>The engine filter selecting this run's resources.</summary>
    public string LabelFilter => $"{SessionLabel}={RunId}";
}
