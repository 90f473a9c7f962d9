using System.Net;
using Sample.Tests.Platform;

namespace Sample.Tests.Api;

/// <summary>Each SAMPLE_FAULT makes the api misbehave the way a bad release would.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FaultTests(PlatformServices platform)
{
    [Fact]
    public async Task Ready_never_keeps_readiness_at_503_while_the_process_is_live()
    {
        await using var api = await ApiWithFaultAsync("ready-never");
        using var client = api.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");
        using var live = await client.GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var startup = (await ready.JsonAsync()).GetProperty("entries").GetProperty("startup");
        Assert.Contains("ready-never", startup.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Slow_start_is_not_ready_until_the_delay_has_passed()
    {
        await using var api = await ApiWithFaultAsync("slow-start=3600");
        using var client = api.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var startup = (await ready.JsonAsync()).GetProperty("entries").GetProperty("startup");
        Assert.Contains("still starting", startup.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_start_becomes_ready_once_the_delay_has_passed()
    {
        await using var api = await ApiWithFaultAsync("slow-start=2");
        using var client = api.CreateClient();

        var status = await Eventually.HoldsAsync(
            async () => (await client.GetAsync("/healthz/ready")).StatusCode, code => code == HttpStatusCode.OK, "readiness after slow-start=2");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Http_500_fails_every_api_call_but_stays_ready()
    {
        await using var api = await ApiWithFaultAsync("http-500");
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var ready = await client.GetAsync("/healthz/ready");
        using var list = await client.GetAsync("/api/jobs");
        using var create = await client.PostJobAsync(JobsApi.SmallJob("direct"));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, list.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, create.StatusCode);
    }

    [Fact]
    public async Task Crash_on_start_exits_before_serving_anything()
    {
        await using var api = await ApiWithFaultAsync("crash-on-start");

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains("exited", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Break_queue_accepts_queued_jobs_that_never_reach_the_queue()
    {
        var queue = $"test.jobs.{Guid.NewGuid():N}";
        await using var api = await ApiWithFaultAsync("break-queue", queue);
        await using var broker = await TestBroker.ConnectAsync(platform);
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("queue"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0u, await broker.CountAsync(queue));
    }

    private async Task<SampleFactory> ApiWithFaultAsync(string fault, string? queue = null)
    {
        var database = await platform.CreateDatabaseAsync();
        var settings = platform.SettingsFor("api", database, queue ?? $"test.jobs.{Guid.NewGuid():N}");
        settings["SAMPLE_FAULT"] = fault;
        return new SampleFactory(settings);
    }
}
