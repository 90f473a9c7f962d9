using System.Text.Json.Serialization;

namespace Smoke.Release;

[JsonConverter(typeof(JsonStringEnumConverter<ReleaseVerdict>))]
public enum ReleaseVerdict
{
    /// <summary>Started and not finished; found on disk, it means the process died mid-deploy.</summary>
    InProgress,

    /// <summary>The smoke tests passed: the release became the last known good.</summary>
    Passed,

    /// <summary>The smoke tests (or the rollback's checks) failed; <see cref="ReleaseRecord.Reason"/> says which rule.</summary>
    Failed,

    /// <summary>Stopped before a verdict (Ctrl+C, or a crash noticed by the next deploy).</summary>
    Interrupted,
}
