using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace SmokeTests.Services;

public sealed partial class HealthTests
{
    /// <summary>
    /// Each HTTP service answers its liveness endpoint. A failure means the process is down or wedged:
    /// the orchestrator will restart it in a loop, and nothing it serves works.
    /// </summary>
    [SmokeTheory(Level = 2, Critical = true, Category = "health")]
    [InlineData("api")]
    [InlineData("worker")]
    [InlineData("generator")]
    public async Task Service_is_live(string service)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var http = ServiceHttp.Create(service);

        using var response = await http.GetAsync("healthz/live", timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.OK, timeout.Token);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(timeout.Token);
        Assert.Equal("Healthy", report?.Status);
    }

    /// <summary>
    /// The api and worker report ready, with their database and broker checks healthy. A failure means
    /// the service is up but cut off from a dependency: a load balancer would send it no traffic.
    /// </summary>
    [SmokeTheory(Level = 2, Critical = true, Category = "health")]
    [InlineData("api")]
    [InlineData("worker")]
    public async Task Service_is_ready_with_its_dependencies_healthy(string service)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var http = ServiceHttp.Create(service);

        using var response = await http.GetAsync("healthz/ready", timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.OK, timeout.Token);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(timeout.Token);
        Assert.Equal("Healthy", report?.Status);
        foreach (var dependency in new[] { "database", "broker" })
        {
            Assert.True(report!.Entries.TryGetValue(dependency, out var entry) && entry.Status == "Healthy",
                $"{service}'s readiness has no healthy \"{dependency}\" check: {(entry is null ? "missing" : $"{entry.Status} ({entry.Description})")}.");
        }
    }

    /// <summary>
    /// The api's database health endpoint reports its connection pool's statistics. A failure means the
    /// dashboards that watch pool exhaustion are blind; the release still works.
    /// </summary>
    [SmokeFact(Level = 2, Critical = false, Category = "health")]
    public async Task Database_health_reports_connection_pool_statistics()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var http = ServiceHttp.Create(PlatformApi.Service);

        using var response = await http.GetAsync("healthz/database", timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.OK, timeout.Token);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(timeout.Token);
        var data = Assert.Single(report!.Entries).Value.Data;
        Assert.NotNull(data);
        Assert.Superset(new HashSet<string>(["idle", "busy", "max", "pending"]), new HashSet<string>(data.Keys));
        Assert.True(data["max"].GetInt64() > 0, "the pool reports a maximum size of 0.");
    }

    /// <summary>
    /// The api serves Prometheus metrics in the text format, including request counts, jobs by state and
    /// database reachability. A failure means monitoring and alerting are blind to this release.
    /// </summary>
    [SmokeFact(Level = 2, Critical = false, Category = "health")]
    public async Task Metrics_are_served_in_the_prometheus_text_format()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var http = ServiceHttp.Create(PlatformApi.Service);

        using var response = await http.GetAsync("metrics", timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.OK, timeout.Token);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(timeout.Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Where(line => !line.StartsWith('#')), line => Assert.Matches(SampleLine(), line));
        Assert.Contains("# TYPE sample_http_requests_total counter", lines);
        Assert.Contains(lines, line => line.StartsWith("sample_jobs{state=\"completed\"}", StringComparison.Ordinal));
        Assert.Contains("sample_database_up 1", lines);
    }

    [GeneratedRegex("""^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*"(,[a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*")*\})? -?[0-9.eE+-]+$""")]
    private static partial Regex SampleLine();
}
