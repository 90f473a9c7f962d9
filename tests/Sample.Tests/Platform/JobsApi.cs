using System.Net.Http.Json;
using System.Text.Json;

namespace Sample.Tests.Platform;

/// <summary>Calls to the jobs API as a client would make them, returning the raw JSON.</summary>
public static class JobsApi
{
    public static object SmallJob(string mode, string? packId = null, string[]? stages = null) =>
        new { prompt = "a lighthouse at dusk", width = 256, height = 256, steps = 4, mode, packId, stages };

    public static Task<HttpResponseMessage> PostJobAsync(this HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/jobs", body);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    public static async Task<JsonElement> GetJobAsync(this HttpClient client, string id)
    {
        using var response = await client.GetAsync($"/api/jobs/{id}");
        response.EnsureSuccessStatusCode();
        return await response.JsonAsync();
    }
}
