namespace Smoke.Pipeline;

/// <summary>A target in the plan, with what the planner and the skip rules decided about it before anything runs.</summary>
internal sealed class PlannedTarget(TargetNode node, int position)
{
    public TargetNode Node { get; } = node;

    public string Name => Node.Name;

    public int Position { get; } = position;

    /// <summary>Named on the command line (or with --target); such a target is never skipped by <c>--skip</c>.</summary>
    public bool IsInvoked { get; init; }

    /// <summary>Planned because no target was named and this one is a default target.</summary>
    public bool IsDefault { get; init; }

    /// <summary>Nothing invoked depends on it, so it runs only when a target that triggers it ran.</summary>
    public bool IsTriggeredOnly { get; init; }

    /// <summary>Set before anything runs: <c>--skip</c>, a false OnlyWhenStatic, or a skipped target that was the only one needing it.</summary>
    public string? SkipReason { get; set; }

    /// <summary>Still counts as needing its dependencies: not skipped, or invoked (whose false condition never skips its dependencies).</summary>
    public bool NeedsItsDependencies => SkipReason is null || IsInvoked;

    public override string ToString() => Name;
}
