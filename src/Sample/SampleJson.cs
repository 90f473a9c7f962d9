using System.Text.Json;

namespace Sample;

/// <summary>JSON settings: job resources are snake_case (run_mode, completed_at), messages and requests camelCase.</summary>
internal static class SampleJson
{
    public static readonly JsonSerializerOptions Resources = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static readonly JsonSerializerOptions Messages = new(JsonSerializerDefaults.Web);
}
