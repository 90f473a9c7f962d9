namespace Smoke.Pipeline;

/// <summary>A target in the plan. <see cref="IsTriggeredOnly"/>: nothing invoked depends on it, so it runs only when a trigger ran.</summary>
internal sealed class PlannedTarget(TargetNode node, int position, bool isInvoked, bool isTriggeredOnly)
{
    public TargetNode Node { get; } = node;

    public string Name => Node.Name;

    public int Position { get; } = position;

    public bool IsInvoked { get; } = isInvoked;

    public bool IsTriggeredOnly { get; } = isTriggeredOnly;

    /// <summary>Set before anything runs: <c>--skip</c> or a false OnlyWhenStatic.</summary>
    public string? SkipReason { get; set; }

    public override string ToString() => Name;
}
