namespace Smoke.Stack.Readiness;

/// <summary>The result of one probe attempt; <see cref="Error"/> says what was seen when it is not ready.</summary>
internal sealed record ProbeAttempt(bool IsReady, string? Error)
{
    public static ProbeAttempt Ready { get; } = new(true, null);

    public static ProbeAttempt NotReady(string error) => new(false, error);
}
