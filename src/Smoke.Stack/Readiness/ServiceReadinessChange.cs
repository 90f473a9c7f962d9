namespace Smoke.Stack.Readiness;

/// <summary>
/// A service's state or current detail changed. <see cref="Probe"/> says what is waited on
/// (<c>health + HTTP 127.0.0.1:49153/healthz/ready</c>); <see cref="Detail"/> what is pending, or why it failed.
/// </summary>
public sealed record ServiceReadinessChange(
    string Service,
    ServiceReadinessState State,
    string Probe,
    string Detail,
    bool IsCritical,
    TimeSpan Elapsed,
    DateTimeOffset Time);
