using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sample.Tests.Platform;

namespace Sample.Tests.Generator;

public sealed class GeneratorStubTests : IAsyncLifetime
{
    private readonly GeneratorStub stub = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await stub.DisposeAsync();

    [Fact]
    public async Task Generate_answers_with_image_references_for_the_stage_asked()
    {
        using var client = stub.CreateClient();

        using var response = await client.PostAsJsonAsync("/generate", new { prompt = "a fox", width = 64, height = 64, steps = 1, stage = "upscale" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("upscale", body.GetProperty("stage").GetString());
        Assert.StartsWith("generated://upscale/", Assert.Single(body.GetProperty("images").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_returns_every_payload_received_in_order_until_cleared()
    {
        using var client = stub.CreateClient();
        using (await client.PostAsJsonAsync("/generate", new { prompt = "first", width = 64 }))
        using (await client.PostAsJsonAsync("/generate", new { prompt = "second", nested = new { steps = 3 } }))
        {
        }

        var calls = await stub.CallsAsync();
        using var cleared = await client.DeleteAsync("/calls");

        Assert.Equal(["first", "second"], calls.Select(call => call.GetProperty("prompt").GetString()));
        Assert.Equal(3, calls[1].GetProperty("nested").GetProperty("steps").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(await stub.CallsAsync());
    }

    [Fact]
    public async Task The_stub_is_ready_without_any_dependency()
    {
        using var client = stub.CreateClient();

        using var response = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await response.JsonAsync()).GetProperty("entries").ValueKind);
    }
}
