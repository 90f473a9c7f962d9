using System.Text.Json;

namespace SmokeTests.Shared;

/// <summary>How the api writes JSON: resources (jobs, pages) in snake_case; requests and problems in camelCase.</summary>
public static class PlatformJson
{
    public static readonly JsonSerializerOptions Resources = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };
}
