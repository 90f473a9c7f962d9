using System.Net;
using System.Net.Http.Json;

namespace SmokeTests.EndToEnd;

/// <summary>The generator stub's record of what it was sent (GET /calls), which tests read to see what the platform asked for.</summary>
internal static class GeneratorStub
{
    public const string Service = "generator";

    /// <summary>The calls made for one job, oldest first; other jobs' calls, from other tests or runs, are left out.</summary>
    public static async Task<IReadOnlyList<GeneratorPayload>> CallsForAsync(Guid jobId, CancellationToken cancellationToken)
    {
        using var http = ServiceHttp.Create(Service);
        using var response = await http.GetAsync("calls", cancellationToken);
        await response.ExpectStatusAsync(HttpStatusCode.OK, cancellationToken);
        var calls = await response.Content.ReadFromJsonAsync<List<GeneratorCall>>(cancellationToken) ?? [];
        return [.. calls.Where(call => call.Body.JobId == jobId).OrderBy(call => call.ReceivedAt).Select(call => call.Body)];
    }
}
