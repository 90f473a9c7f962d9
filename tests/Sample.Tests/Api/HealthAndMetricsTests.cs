using System.Net;
using Sample.Tests.Platform;

namespace Sample.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class HealthAndMetricsTests(PlatformServices platform) : PlatformApiTests(platform)
{
    [Fact]
    public async Task Ready_reports_each_dependency_in_the_health_check_json_shape()
    {
        using var client = Api.CreateClient();

        using var response = await client.GetAsync("/healthz/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.True(report.TryGetProperty("totalDuration", out _));
        var entries = report.GetProperty("entries");
        Assert.Equal("Healthy", entries.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", entries.GetProperty("broker").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_503_naming_the_database_when_it_is_unreachable()
    {
        var settings = Platform.SettingsFor("api", "sample", $"test.jobs.{Guid.NewGuid():N}");
        settings["POSTGRES_PORT"] = "1";
        await using var orphan = new SampleFactory(settings);
        using var client = orphan.CreateClient();

        using var ready = await client.GetAsync("/healthz/ready");
        using var live = await client.GetAsync("/healthz/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var database = (await ready.JsonAsync()).GetProperty("entries").GetProperty("database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.StartsWith("database unreachable", database.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task The_database_endpoint_reports_connection_pool_statistics()
    {
        using var client = Api.CreateClient();

        var report = await (await client.GetAsync("/healthz/database")).JsonAsync();

        var data = report.GetProperty("entries").GetProperty("database").GetProperty("data");
        Assert.True(data.GetProperty("max").GetInt64() > 0, data.ToString());
        Assert.True(data.GetProperty("idle").GetInt64() + data.GetProperty("busy").GetInt64() >= 1, data.ToString());
    }

    [Fact]
    public async Task Metrics_count_requests_by_route_and_jobs_by_state_in_prometheus_text()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);
        using (await client.PostJobAsync(JobsApi.SmallJob("direct")))
        {
        }

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE sample_http_requests_total counter", text, StringComparison.Ordinal);
        Assert.Contains("sample_http_requests_total{method=\"POST\",route=\"/api/jobs\",status=\"201\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sample_jobs{state=\"completed\"} 1", text, StringComparison.Ordinal);
        Assert.Contains("sample_database_up 1", text, StringComparison.Ordinal);
    }
}
