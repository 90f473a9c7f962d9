using System.Net.Http.Json;
using System.Text.Json;

namespace Sample.Tests.Platform;

/// <summary>The sample's own generator role, in-process: the api and worker under test call it through its handler.</summary>
public sealed class GeneratorStub : IAsyncDisposable
{
    private readonly SampleFactory factory = new(new Dictionary<string, string?> { ["SAMPLE_ROLE"] = "generator", ["SAMPLE_FAULT"] = "" });

    public HttpMessageHandler CreateHandler() => factory.Server.CreateHandler();

    /// <summary>
    /// Starts the stub now. Left to the api's first generator call, the start blocks a thread-pool thread, and under a
    /// burst of requests every other thread blocks behind it: the test would starve itself, not the api.
    /// </summary>
    public void Start() => factory.StartServer();

    public HttpClient CreateClient() => factory.CreateClient();

    /// <summary>The bodies of the POST /generate calls the stub received, oldest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> CallsAsync()
    {
        using var client = factory.CreateClient();
        var calls = await client.GetFromJsonAsync<JsonElement>("/calls");
        return [.. calls.EnumerateArray().Select(call => call.GetProperty("body").Clone())];
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
