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

    /// <summary>Marks the long-lived stack of a deployment environment: it outlives the run that made it and is never swept as an orphan.</summary>
    public const string EnvironmentLabel = "io.smoke.environment";

    private static readonly Lazy<StackSession> ProcessWide = new(() => ForCurrentProcess());

    /// <summary>One session for the whole process, used by container fixtures unless told otherwise.</summary>
    public static StackSession Current => ProcessWide.Value;

    /// <summary>A session owned by this process; a fresh short run id unless one is given.</summary>
    public static StackSession ForCurrentProcess(string? runId = null)
    {
        var pid = Environment.ProcessId;
        return new StackSession(runId ?? NewRunId(), pid, Environment.MachineName, OwnerProcess.StartTimeOf(pid));
    }

    /// <summary>
    /// The session of an environment's long-lived stack (<c>./build.sh Deploy --environment staging</c>). Its labels do not
    /// change from one deploy to the next, so compose recreates only the services whose image changed, and it names no
    /// owner process, since the stack is meant to outlive every run.
    /// </summary>
    public static StackSession ForEnvironment(string environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(environment);
        var runId = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(environment)))[..8];
        return new StackSession(runId, 0, Environment.MachineName, null) { DeploymentEnvironment = environment };
    }

    /// <summary>The deployment environment whose stack this is; null for a run's own stack.</summary>
    public string? DeploymentEnvironment { get; init; }

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

            if (DeploymentEnvironment is { } environment)
            {
                labels[EnvironmentLabel] = environment;
            }

            return labels;
        }
    }

    /// <summary>The engine filter selecting this run's resources.</summary>
    public string LabelFilter => $"{SessionLabel}={RunId}";
}
