namespace Smoke.Pipeline;

/// <summary>One target as declared. <see cref="RunsAfter"/> holds order-only edges (After, and Before declared by others).</summary>
public sealed record TargetDescription(
    string Name,
    string? Description,
    IReadOnlyList<string> DependsOn,
    IReadOnlyList<string> Triggers,
    IReadOnlyList<string> TriggeredBy,
    IReadOnlyList<string> RunsAfter,
    IReadOnlyList<string> Requirements,
    bool IsUnlisted,
    bool ProceedsAfterFailure,
    bool IsAssured)
{
    /// <summary>What skipping this target does to its dependencies (<c>WhenSkipped</c>).</summary>
    public DependencyBehavior WhenSkipped { get; init; }
}
