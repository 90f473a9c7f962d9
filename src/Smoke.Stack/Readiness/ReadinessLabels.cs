namespace Smoke.Stack.Readiness;

/// <summary>The service labels that say what "ready" means (docs/readiness.md, "What ready means"); they reach the engine on every container.</summary>
public static class ReadinessLabels
{
    /// <summary><c>"8080/healthz/ready"</c>: HTTP 2xx from that path on the port published for container port 8080.</summary>
    public const string WaitHttp = "io.smoke.wait.http";

    /// <summary><c>"5432"</c> (or <c>"5672,15672"</c>): a TCP connection to the published port is accepted and kept open.</summary>
    public const string WaitTcp = "io.smoke.wait.tcp";

    /// <summary>A regular expression matched against each line of the container log.</summary>
    public const string WaitLog = "io.smoke.wait.log";

    /// <summary>The service's deadline: <c>90s</c>, <c>2m</c>, <c>1m30s</c>, <c>500ms</c>.</summary>
    public const string WaitTimeout = "io.smoke.wait.timeout";

    /// <summary><c>"false"</c> turns the service's failure into a warning.</summary>
    public const string Critical = "io.smoke.critical";

    /// <summary><c>"true"</c>: the service must exit 0 (e.g. migrations); running past its deadline is the failure.</summary>
    public const string OneShot = "io.smoke.oneshot";

    internal const string WaitPrefix = "io.smoke.wait.";

    internal static readonly IReadOnlyList<string> WaitKeys = [WaitHttp, WaitTcp, WaitLog, WaitTimeout];
}
