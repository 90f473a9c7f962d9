using System.Text.Json.Serialization;

namespace Smoke.Release;

/// <summary>What is deployed to one environment, what last passed, and what happened before.</summary>
/// <param name="Environment">The environment the file belongs to; it must match the file name.</param>
public sealed record ReleaseState(string Environment)
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The release running now (or being brought up), whatever its verdict.</summary>
    public ReleaseRecord? Current { get; init; }

    /// <summary>The newest release that passed its smoke tests here: what a rollback restores.</summary>
    public ReleaseRecord? LastKnownGood { get; init; }

    /// <summary>Deploys and rollbacks, newest first, bounded by the store's history limit.</summary>
    public IReadOnlyList<ReleaseRecord> History { get; init; } = [];

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A rollback failed: what runs is neither the new release nor the last known good.</summary>
    [JsonIgnore]
    public bool IsDegraded => Current is { Action: ReleaseAction.Rollback, Verdict: ReleaseVerdict.Failed };
}
