using System.Text.Json;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Readiness;
using Smoke.Stack.Tests.Readiness.Support;

namespace Smoke.Stack.Tests.Readiness;

[Collection(ComposeReadinessCollection.Name)]
public sealed class ComposeReadinessTests(ProbeImageFixture image) : IDisposable
{
    private readonly DockerEngineClient _engine = DockerEngineClient.FromEnvironment();
    private readonly string _diagnostics = Directory.CreateTempSubdirectory("smoke-readiness-diagnostics-").FullName;

    public void Dispose()
    {
        Directory.Delete(_diagnostics, recursive: true);
        _engine.Dispose();
    }

    [Fact]
    public async Task A_dependency_chain_of_four_becomes_ready_and_hands_over_every_endpoint()
    {
        var yaml = $$"""
            services:
              db:
                image: {{image.Image}}
                command: ["sh", "-c", "sleep 2; touch /tmp/ready; exec sleep 3600"]
                healthcheck:
                  test: ["CMD", "test", "-f", "/tmp/ready"]
                  interval: 1s
                  retries: 60
                labels:
                  io.smoke.test: "true"
              migrate:
                image: {{image.Image}}
                command: ["sh", "-c", "echo migrated; sleep 1"]
                depends_on: [db]
                labels:
                  io.smoke.test: "true"
                  io.smoke.oneshot: "true"
              api:
                image: {{image.Image}}
                command: ["sh", "-c", "busybox httpd -p 8080 -h /www; sleep 3; touch /tmp/ready; exec sleep 3600"]
                ports: ["127.0.0.1::8080"]
                depends_on:
                  migrate:
                    condition: service_started
                labels:
                  io.smoke.test: "true"
                  io.smoke.wait.http: "8080/cgi-bin/ready"
              web-ui:
                image: {{image.Image}}
                command: ["sh", "-c", "sleep 1; exec busybox httpd -f -p 8080 -h /www"]
                ports: ["127.0.0.1::8080"]
                depends_on: [api]
                labels:
                  io.smoke.test: "true"
                  io.smoke.wait.tcp: "8080"
            """;
        await using var stack = await ComposeTestStack.UpAsync(_engine, yaml);

        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForCompose(_engine, stack.Project) with
        {
            DependsOn = ComposeFileModel.Parse(yaml).DependsOn,
            DiagnosticsDirectory = _diagnostics,
            DefaultTimeout = TimeSpan.FromSeconds(60),
        });

        Assert.True(report.IsReady, string.Join("; ", report.Failures.Select(f => f.Reason)));
        Assert.Equal(["db", "migrate", "api", "web-ui"], report.Services.Select(s => s.Service));
        Assert.All(report.Services, s => Assert.Equal(ServiceReadinessState.Ready, s.State));

        var file = await report.Endpoints.WriteFileAsync(Path.Combine(_diagnostics, "endpoints.json"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var environment = report.Endpoints.ToEnvironment(file);
        Assert.Equal(file, environment["SMOKE_ENDPOINTS"]);
        Assert.Equal(environment["SMOKE_API_PORT_8080"], json.RootElement.GetProperty("SMOKE_API_PORT_8080").GetInt32().ToString());
        Assert.Equal($"http://127.0.0.1:{environment["SMOKE_API_PORT_8080"]}", json.RootElement.GetProperty("SMOKE_API_URL").GetString());
        Assert.Equal("127.0.0.1", json.RootElement.GetProperty("SMOKE_WEB_UI_HOST").GetString());
        Assert.True(json.RootElement.TryGetProperty("SMOKE_WEB_UI_PORT_8080", out _));
        Assert.False(json.RootElement.TryGetProperty("SMOKE_MIGRATE_HOST", out _), "a one-shot that publishes nothing has no endpoint");
    }

    [Fact]
    public async Task A_crash_loop_under_a_restart_policy_fails_at_once()
    {
        var yaml = $$"""
            services:
              worker:
                image: {{image.Image}}
                command: ["sh", "-c", "echo 'worker: config missing'; sleep 1; exit 1"]
                restart: always
                labels:
                  io.smoke.test: "true"
                  io.smoke.wait.log: "worker started"
            """;
        await using var stack = await ComposeTestStack.UpAsync(_engine, yaml);

        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForCompose(_engine, stack.Project) with
        {
            DiagnosticsDirectory = _diagnostics,
            DefaultTimeout = TimeSpan.FromSeconds(90),
        });

        var worker = report["worker"];
        Assert.Equal(ServiceReadinessState.Failed, worker.State);
        Assert.Matches("service \"worker\" (exited with code 1|is crash-looping: restarted)", worker.Reason);
        Assert.Contains("worker: config missing", worker.LogTail);
        Assert.True(worker.Elapsed < TimeSpan.FromSeconds(45), $"failed after {worker.Elapsed}: it should not have waited for the deadline");
    }
}
