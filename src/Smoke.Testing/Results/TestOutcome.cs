using System.Text.Json.Serialization;

namespace Smoke.Testing.Results;

/// <summary>How a test ended. An error (an exception outside the assertions) counts as <see cref="Failed"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestOutcome>))]
public enum TestOutcome
{
    Passed,
    Failed,
    Skipped,
}
