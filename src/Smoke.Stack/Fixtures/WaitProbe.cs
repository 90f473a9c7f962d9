namespace Smoke.Stack.Fixtures;

/// <summary>One probe's outcome; <see cref="Detail"/> says why it is not ready yet, and ends up in the timeout message.</summary>
public sealed record WaitProbe(bool IsReady, string Detail)
{
    public static WaitProbe Ready { get; } = new(true, "ready");

    public static WaitProbe NotYet(string detail) => new(false, detail);
}
