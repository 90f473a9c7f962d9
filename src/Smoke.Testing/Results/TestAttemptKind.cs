using System.Text.Json.Serialization;

namespace Smoke.Testing.Results;

/// <summary>
/// The Surefire retry elements: a flaky attempt failed before a later attempt passed;
/// a rerun attempt failed and so did every attempt after it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestAttemptKind>))]
public enum TestAttemptKind
{
    FlakyFailure,
    FlakyError,
    RerunFailure,
    RerunError,
}
