using System.Net;
using Smoke.Stack.Engine;
using Smoke.Stack.Readiness;
using Smoke.Stack.Tests.Readiness.Support;

namespace Smoke.Stack.Tests.Readiness;

[Collection(ContainerReadinessCollection.Name)]
public sealed class ContainerReadinessTests(ProbeImageFixture image) : IAsyncLifetime
{
    private const string Secret = "hunter2-not-for-logs";

    private readonly DockerEngineClient _engine = DockerEngineClient.FromEnvironment();
    private readonly string _diagnostics = Directory.CreateTempSubdirectory("smoke-readiness-diagnostics-").FullName;
    private LabelledStack _stack = null!;

    public Task InitializeAsync()
    {
        _stack = new LabelledStack(_engine);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        Directory.Delete(_diagnostics, recursive: true);
        _engine.Dispose();
    }

    [Fact]
    public async Task A_service_is_ready_once_its_healthcheck_and_http_probe_pass_and_its_endpoints_are_handed_over()
    {
        var id = await StartAsync("web", "busybox httpd -p 8080 -h /www; sleep 2; touch /tmp/ready; exec sleep 3600", http: "8080/cgi-bin/ready", healthcheck: ["CMD", "test", "-f", "/tmp/ready"]);
        var changes = new RecordedChanges();

        var report = await StackReadiness.WaitAsync(Request(), changes);

        var web = report["web"];
        Assert.True(report.IsReady, web.Reason);
        Assert.Equal(ServiceReadinessState.Ready, web.State);
        Assert.True(web.Elapsed >= TimeSpan.FromSeconds(1.5), $"ready after {web.Elapsed}, before the file the probes need existed");
        Assert.Equal([ServiceReadinessState.Waiting, ServiceReadinessState.Ready], changes.StatesOf("web"));
        Assert.Contains("health + HTTP 127.0.0.1:", changes.All.Last().Probe, StringComparison.Ordinal);

        var hostPort = (await _engine.InspectContainerAsync(id)).FindHostPort(8080);
        var environment = report.Endpoints.ToEnvironment();
        Assert.Equal("127.0.0.1", environment["SMOKE_WEB_HOST"]);
        Assert.Equal(hostPort.ToString(), environment["SMOKE_WEB_PORT_8080"]);
        Assert.Equal($"http://127.0.0.1:{hostPort}", environment["SMOKE_WEB_URL"]);
        using var http = new HttpClient();
        using var answer = await http.GetAsync($"{environment["SMOKE_WEB_URL"]}/cgi-bin/ready");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_service_that_never_becomes_ready_fails_at_its_deadline_with_its_log_and_redacted_inspect_written()
    {
        await StartAsync(
            "api",
            $"busybox httpd -p 8080 -h /www; echo \"connecting with password $API_DB_PASSWORD\"; echo still starting; exec sleep 3600",
            http: "8080/cgi-bin/ready",
            labels: new() { [ReadinessLabels.WaitTimeout] = "4s" },
            environment: new() { ["API_DB_PASSWORD"] = Secret, ["API_MODE"] = "smoke" });

        var report = await StackReadiness.WaitAsync(Request());

        var api = report["api"];
        Assert.Equal(ServiceReadinessState.Failed, api.State);
        Deadline.AssertGaveUpAt(TimeSpan.FromSeconds(4), api.Elapsed);
        Assert.StartsWith("service \"api\" never became ready within 4s: HTTP 503 from 127.0.0.1:", api.Reason, StringComparison.Ordinal);
        Assert.Contains("/cgi-bin/ready (last body: {\"status\":\"Unhealthy\",\"db\":\"timeout\"})", api.Reason, StringComparison.Ordinal);
        Assert.EndsWith($"last 2 log lines in {Path.Combine(_diagnostics, "api.log")}", api.Reason, StringComparison.Ordinal);
        Assert.Equal(["connecting with password ***", "still starting"], api.LogTail);

        var log = await File.ReadAllTextAsync(Path.Combine(_diagnostics, "api.log"));
        var inspect = await File.ReadAllTextAsync(Path.Combine(_diagnostics, "api.inspect.json"));
        Assert.DoesNotContain(Secret, log, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, inspect, StringComparison.Ordinal);
        Assert.Contains("\"API_DB_PASSWORD=***\"", inspect, StringComparison.Ordinal);
        Assert.Contains("\"API_MODE=smoke\"", inspect, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_diagnostics, "api.inspect.json"), api.InspectFile);

        var failure = Assert.Throws<StackNotReadyException>(report.EnsureReady);
        Assert.Contains(api.Reason!, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_that_crashes_on_start_fails_when_it_exits_not_at_the_deadline()
    {
        var id = await StartAsync("worker", "echo booting; sleep 3; echo 'fatal: cannot reach the queue' >&2; exit 3", http: "8080/cgi-bin/ready");

        var report = await StackReadiness.WaitAsync(Request() with { DefaultTimeout = TimeSpan.FromSeconds(90) });

        var worker = report["worker"];
        Assert.Equal(ServiceReadinessState.Failed, worker.State);
        Assert.StartsWith("service \"worker\" exited with code 3; a service must keep running", worker.Reason, StringComparison.Ordinal);
        Assert.Equal(["booting", "fatal: cannot reach the queue"], worker.LogTail);
        var exitedAt = (await _engine.InspectContainerAsync(id)).State.FinishedAt!.Value;
        // Generous on a busy machine; what matters is that the exit ended the wait, not the 90 s deadline.
        Assert.InRange(worker.FinishedAt - exitedAt, TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_container_that_turns_unhealthy_fails_at_once_with_its_last_health_check_output()
    {
        await StartAsync(
            "db",
            "exec sleep 3600",
            healthcheck: ["CMD-SHELL", "echo 'db: connection refused on 5432'; exit 1"],
            healthRetries: 2);

        var report = await StackReadiness.WaitAsync(Request() with { DefaultTimeout = TimeSpan.FromSeconds(90) });

        var db = report["db"];
        Assert.Equal(ServiceReadinessState.Failed, db.State);
        // Docker goes on checking after "unhealthy", so on a busy machine the streak read back may already be past the 2 retries.
        Assert.Matches(@"turned unhealthy after ([2-9]|\d{2,}) failing health checks \(last check exited 1, output: db: connection refused on 5432\)", db.Reason);
        Assert.True(db.Elapsed < TimeSpan.FromSeconds(45), $"failed after {db.Elapsed}: it should not have waited for the deadline");
    }

    [Fact]
    public async Task A_one_shot_must_exit_0_and_fails_on_another_exit_code()
    {
        await StartAsync("migrate", "echo migrating; sleep 1; exit 0", labels: new() { [ReadinessLabels.OneShot] = "true" });
        await StartAsync("seed", "echo 'seed: duplicate key'; sleep 1; exit 1", labels: new() { [ReadinessLabels.OneShot] = "true" });

        var report = await StackReadiness.WaitAsync(Request());

        Assert.Equal(ServiceReadinessState.Ready, report["migrate"].State);
        var seed = report["seed"];
        Assert.Equal(ServiceReadinessState.Failed, seed.State);
        Assert.StartsWith("service \"seed\" (one-shot) exited with code 1; it must exit 0", seed.Reason, StringComparison.Ordinal);
        Assert.Equal(["seed: duplicate key"], seed.LogTail);
        Assert.False(report.IsReady);
    }

    [Fact]
    public async Task A_one_shot_still_running_at_its_deadline_fails()
    {
        await StartAsync("migrate", "exec sleep 3600", labels: new() { [ReadinessLabels.OneShot] = "true", [ReadinessLabels.WaitTimeout] = "3s" });

        var report = await StackReadiness.WaitAsync(Request());

        var migrate = report["migrate"];
        Assert.Equal(ServiceReadinessState.Failed, migrate.State);
        Assert.StartsWith("service \"migrate\" (one-shot) was still running after 3s; it must exit 0 within its io.smoke.wait.timeout", migrate.Reason, StringComparison.Ordinal);
        Deadline.AssertGaveUpAt(TimeSpan.FromSeconds(3), migrate.Elapsed);
    }

    [Fact]
    public async Task A_hung_probe_endpoint_is_cut_off_per_attempt_and_the_service_is_ready_as_soon_as_it_answers()
    {
        await StartAsync("api", "touch /tmp/hang; busybox httpd -p 8080 -h /www; sleep 4; rm /tmp/hang; touch /tmp/ready; exec sleep 3600", http: "8080/cgi-bin/ready");

        var report = await StackReadiness.WaitAsync(Request() with { ProbeAttemptTimeout = TimeSpan.FromSeconds(1), DefaultTimeout = TimeSpan.FromSeconds(60) });

        var api = report["api"];
        Assert.Equal(ServiceReadinessState.Ready, api.State);
        Assert.True(api.Elapsed < TimeSpan.FromSeconds(20), $"ready after {api.Elapsed}; a hung attempt must not hold the wait");
    }

    [Fact]
    public async Task A_probe_endpoint_that_never_answers_fails_at_the_deadline_saying_so()
    {
        await StartAsync("api", "touch /tmp/hang; busybox httpd -p 8080 -h /www; exec sleep 3600", http: "8080/cgi-bin/ready", labels: new() { [ReadinessLabels.WaitTimeout] = "4s" });

        var report = await StackReadiness.WaitAsync(Request() with { ProbeAttemptTimeout = TimeSpan.FromSeconds(1) });

        var api = report["api"];
        Assert.Equal(ServiceReadinessState.Failed, api.State);
        Deadline.AssertGaveUpAt(TimeSpan.FromSeconds(4), api.Elapsed);
        Assert.Matches(@"never became ready within 4s: no answer from HTTP 127\.0\.0\.1:\d+/cgi-bin/ready within 1s \(per attempt\)", api.Reason);
    }

    [Fact]
    public async Task A_tcp_probe_waits_for_a_listener_in_the_container_not_for_the_published_port()
    {
        await StartAsync(
            "queue",
            "sleep 3; echo listening now; exec busybox httpd -f -p 5432 -h /www",
            ports: [5432],
            labels: new() { [ReadinessLabels.WaitTcp] = "5432", [ReadinessLabels.WaitLog] = "listening n[o]w" });

        var report = await StackReadiness.WaitAsync(Request());

        var queue = report["queue"];
        Assert.Equal(ServiceReadinessState.Ready, queue.State);
        Assert.True(queue.Elapsed >= TimeSpan.FromSeconds(2.5), $"ready after {queue.Elapsed}, before anything listened");
        Assert.Contains("SMOKE_QUEUE_PORT_5432", report.Endpoints.ToEnvironment().Keys);
        Assert.DoesNotContain("SMOKE_QUEUE_URL", report.Endpoints.ToEnvironment().Keys);
    }

    [Fact]
    public async Task A_non_critical_service_that_fails_is_a_warning_and_the_stack_is_ready()
    {
        await StartAsync("web", "exec sleep 3600");
        // The log wait keeps it not-ready until it dies: without one, a look while its shell still ran would find it ready.
        await StartAsync("metrics", "echo 'metrics: no exporter'; exit 1", labels: new() { [ReadinessLabels.Critical] = "false", [ReadinessLabels.WaitLog] = "exporter listening" });

        var report = await StackReadiness.WaitAsync(Request());

        Assert.True(report.IsReady);
        var metrics = Assert.Single(report.Warnings);
        Assert.Equal("metrics", metrics.Service);
        Assert.Equal(ServiceReadinessState.Failed, metrics.State);
        Assert.True(metrics.IsWarning);
        Assert.Equal(ServiceReadinessState.Ready, report["web"].State);
        report.EnsureReady();
    }

    [Fact]
    public async Task Dependents_of_a_failed_service_are_reported_blocked_by_it_without_waiting_for_their_deadline()
    {
        await StartAsync("db", "sleep 1; exit 2", http: "8080/cgi-bin/ready");
        await StartAsync("api", "busybox httpd -p 8080 -h /www; exec sleep 3600", http: "8080/cgi-bin/ready");
        await StartAsync("web", "busybox httpd -p 8080 -h /www; exec sleep 3600", http: "8080/cgi-bin/ready");
        var dependsOn = new Dictionary<string, IReadOnlyList<string>> { ["db"] = [], ["api"] = ["db"], ["web"] = ["api"] };

        var report = await StackReadiness.WaitAsync(Request() with { DependsOn = dependsOn, DefaultTimeout = TimeSpan.FromSeconds(90) });

        Assert.Equal(["db", "api", "web"], report.Services.Select(s => s.Service));
        Assert.Equal(ServiceReadinessState.Failed, report["db"].State);
        Assert.Equal(ServiceReadinessState.Blocked, report["api"].State);
        Assert.Equal("db", report["api"].BlockedBy);
        Assert.Equal("service \"api\" is blocked by \"db\", which failed", report["api"].Reason);
        Assert.Equal("service \"web\" is blocked by \"api\", which is itself blocked by \"db\"", report["web"].Reason);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(45), $"took {report.Elapsed}");
    }

    [Fact]
    public async Task Labels_that_cannot_be_used_fail_the_service_at_once_naming_each_of_them()
    {
        await StartAsync("api", "exec sleep 3600", labels: new() { [ReadinessLabels.WaitTimeout] = "soon", ["io.smoke.wait.htp"] = "8080/x" });
        await StartAsync("web", "exec sleep 3600", http: "9090/healthz");

        var report = await StackReadiness.WaitAsync(Request() with { DefaultTimeout = TimeSpan.FromSeconds(90) });

        var api = report["api"].Reason;
        Assert.Contains("unknown label io.smoke.wait.htp", api, StringComparison.Ordinal);
        Assert.Contains("io.smoke.wait.timeout \"soon\" is not a duration such as 90s, 2m or 1m30s", api, StringComparison.Ordinal);
        Assert.Contains("service \"web\" io.smoke.wait.http uses container port 9090, which is not published on the host", report["web"].Reason, StringComparison.Ordinal);
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(45), $"took {report.Elapsed}");
    }

    [Fact]
    public async Task A_project_without_containers_is_an_error_naming_the_project()
    {
        var dependsOn = new Dictionary<string, IReadOnlyList<string>> { ["api"] = ["db"], ["db"] = [] };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StackReadiness.WaitAsync(Request() with { DependsOn = dependsOn }));

        Assert.Contains($"compose project \"{_stack.Project}\" has no containers", error.Message, StringComparison.Ordinal);
    }

    private ReadinessRequest Request() =>
        ReadinessRequest.ForCompose(_engine, _stack.Project) with { DiagnosticsDirectory = _diagnostics, DefaultTimeout = TimeSpan.FromSeconds(30) };

    private Task<string> StartAsync(
        string service,
        string script,
        string? http = null,
        IReadOnlyList<string>? healthcheck = null,
        int healthRetries = 1000,
        IReadOnlyList<int>? ports = null,
        Dictionary<string, string>? labels = null,
        Dictionary<string, string>? environment = null)
    {
        labels ??= [];
        if (http is not null)
        {
            labels[ReadinessLabels.WaitHttp] = http;
        }

        return _stack.StartAsync(service, new CreateContainerRequest(image.Image)
        {
            Command = ["sh", "-c", script],
            Labels = labels,
            Environment = environment ?? [],
            PublishedPorts = ports ?? (http is null ? [] : [8080]),
            Healthcheck = healthcheck is null ? null : new ContainerHealthcheck(healthcheck) { Interval = TimeSpan.FromMilliseconds(500), Retries = healthRetries },
        });
    }
}
