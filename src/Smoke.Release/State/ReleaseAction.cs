using System.Text.Json.Serialization;

namespace Smoke.Release;

[JsonConverter(typeof(JsonStringEnumConverter<ReleaseAction>))]
public enum ReleaseAction
{
    /// <summary>A new release brought up and smoke tested.</summary>
    Deploy,

    /// <summary>An earlier good release brought back after a failure, or by hand.</summary>
    Rollback,
}
