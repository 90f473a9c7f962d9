using System.Text.Json.Serialization;

namespace Smoke.Testing.Running;

/// <summary>How one smoke test project ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SmokeProjectStatus>))]
public enum SmokeProjectStatus
{
    /// <summary>Every test passed, perhaps only on a retry (then it is flaky).</summary>
    Passed,

    /// <summary>At least one test still failed after the retries.</summary>
    Failed,

    /// <summary>The project ran past its timeout and was killed.</summary>
    Hung,

    /// <summary><c>dotnet test</c> ended without results: the test host crashed or the run was aborted.</summary>
    Crashed,

    /// <summary>The project did not compile, so none of its tests ran.</summary>
    BuildFailed,
}
