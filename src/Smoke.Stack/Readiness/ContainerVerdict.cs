namespace Smoke.Stack.Readiness;

/// <summary>Where one container stands: ready, still pending (and on what), or failed (and why).</summary>
internal sealed record ContainerVerdict(ContainerVerdictKind Kind, string Text)
{
    public static ContainerVerdict Ready { get; } = new(ContainerVerdictKind.Ready, "ready");

    public static ContainerVerdict Pending(string what) => new(ContainerVerdictKind.Pending, what);

    public static ContainerVerdict Failed(string why) => new(ContainerVerdictKind.Failed, why);
}
