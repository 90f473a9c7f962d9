namespace Smoke.Pipeline;

/// <summary>What happened to one planned target. <paramref name="Note"/> is the skip reason or the first line of the error.</summary>
public sealed record TargetOutcome(string Name, TargetStatus Status, TimeSpan Duration, string? Note = null)
{
    /// <summary>The target ran alongside others (<c>InBackground()</c> in a sequential build), so it was not the build's current step.</summary>
    public bool InBackground { get; init; }

    /// <summary>When the target began, by the build's clock, so reports can draw it on the run's own timeline; null when it did not run.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>
    /// The exit code this outcome asks the build for: a failure's own (1 unless a <see cref="BuildFailedException"/>
    /// says otherwise), a recovery's (<see cref="ITargetDefinition.RecoversFrom"/>), or 0 for none. The highest wins.
    /// </summary>
    public int ExitCode { get; init; }
}
