using System.Text.Json.Serialization;

namespace Smoke.Testing.Running;

/// <summary>Which tests a smoke run selects by their traits.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmokeRunMode>))]
public enum SmokeRunMode
{
    /// <summary>Every test.</summary>
    Full,

    /// <summary>Configuration and health tests (<c>Level</c> 1 and 2) and every <c>Critical=true</c> test.</summary>
    Quick,

    /// <summary>Only <c>Critical=true</c> tests: what a rollback reruns against the restored release.</summary>
    Critical,
}
