using System.Text.Json.Serialization;

namespace Smoke.Testing.Reports;

[JsonConverter(typeof(JsonStringEnumConverter<RunVerdict>))]
public enum RunVerdict
{
    Passed,
    Failed,
}
