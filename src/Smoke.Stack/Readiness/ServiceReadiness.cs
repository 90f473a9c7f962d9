namespace Smoke.Stack.Readiness;

/// <summary>
/// How one service ended. For a failed service, <see cref="Reason"/> is one line saying why, <see cref="LogTail"/>
/// its last log lines (secret values masked) and the two files its full log and inspect JSON.
/// </summary>
public sealed record ServiceReadiness(
    string Service,
    ServiceReadinessState State,
    bool IsCritical,
    TimeSpan Elapsed,
    DateTimeOffset FinishedAt)
{
    public string? Reason { get; init; }

    /// <summary>The dependency this service was blocked by, when <see cref="State"/> is <see cref="ServiceReadinessState.Blocked"/>.</summary>
    public string? BlockedBy { get; init; }

    public IReadOnlyList<string> LogTail { get; init; } = [];

    public string? LogFile { get; init; }

    public string? InspectFile { get; init; }

    public bool IsReady => State == ServiceReadinessState.Ready;

    /// <summary>Not ready, but the service is marked <c>io.smoke.critical: "false"</c>: a warning, not a failure.</summary>
    public bool IsWarning => !IsReady && !IsCritical;
}
