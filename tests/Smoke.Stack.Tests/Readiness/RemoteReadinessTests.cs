using System.Net;
using System.Net.Sockets;
using Smoke.Stack.Readiness;
using Smoke.Stack.Tests.Readiness.Support;
using Spectre.Console;

namespace Smoke.Stack.Tests.Readiness;

/// <summary>Remote mode: no Docker at all, only HTTP and TCP probes against given endpoints (here, servers on 127.0.0.1).</summary>
public sealed class RemoteReadinessTests
{
    [Fact]
    public async Task Services_reached_over_http_and_tcp_are_ready_once_their_endpoints_answer()
    {
        var readyAfter = DateTimeOffset.UtcNow.AddSeconds(1);
        await using var api = new LoopbackHttpServer(_ => DateTimeOffset.UtcNow >= readyAfter ? (200, "ok") : (503, "warming up"));
        using var db = new TcpListener(IPAddress.Loopback, 0);
        db.Start();
        var dbPort = ((IPEndPoint)db.LocalEndpoint).Port;

        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForRemote(
        [
            new RemoteService("api") { ReadyUrl = api.Url("/healthz/ready") },
            new RemoteService("db") { TcpEndpoints = [$"127.0.0.1:{dbPort}"] },
        ]));

        Assert.True(report.IsReady, string.Join("; ", report.Failures.Select(f => f.Reason)));
        Assert.True(report["api"].Elapsed >= TimeSpan.FromSeconds(0.8), $"ready after {report["api"].Elapsed}");
        var environment = report.Endpoints.ToEnvironment();
        Assert.Equal($"http://127.0.0.1:{api.Port}", environment["SMOKE_API_URL"]);
        Assert.Equal(dbPort.ToString(), environment[$"SMOKE_DB_PORT_{dbPort}"]);
    }

    [Fact]
    public async Task A_remote_endpoint_that_keeps_failing_fails_at_its_deadline_with_the_status_and_body()
    {
        await using var api = new LoopbackHttpServer(_ => (503, "{\"status\":\"Unhealthy\"}"));

        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForRemote([new RemoteService("api") { ReadyUrl = api.Url("/healthz/ready"), Timeout = TimeSpan.FromSeconds(2) }]));

        var failed = report["api"];
        Assert.Equal(ServiceReadinessState.Failed, failed.State);
        Assert.Equal($"service \"api\" never became ready within 2s: HTTP 503 from 127.0.0.1:{api.Port}/healthz/ready (last body: {{\"status\":\"Unhealthy\"}})", failed.Reason);
        Deadline.AssertGaveUpAt(TimeSpan.FromSeconds(2), failed.Elapsed);
    }

    [Fact]
    public async Task A_hung_remote_endpoint_is_cut_off_per_attempt_and_fails_on_time()
    {
        await using var api = new LoopbackHttpServer(_ => null);

        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForRemote([new RemoteService("api") { ReadyUrl = api.Url("/ready"), Timeout = TimeSpan.FromSeconds(3) }])
            with { ProbeAttemptTimeout = TimeSpan.FromMilliseconds(500) });

        var failed = report["api"];
        Assert.Equal($"service \"api\" never became ready within 3s: no answer from HTTP 127.0.0.1:{api.Port}/ready within 500ms (per attempt)", failed.Reason);
        Deadline.AssertGaveUpAt(TimeSpan.FromSeconds(3), failed.Elapsed);
    }

    [Fact]
    public async Task A_port_that_accepts_and_closes_at_once_is_not_ready()
    {
        using var proxy = new TcpListener(IPAddress.Loopback, 0);
        proxy.Start();
        using var stop = new CancellationTokenSource();
        var closing = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var client = await proxy.AcceptTcpClientAsync(stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var port = ((IPEndPoint)proxy.LocalEndpoint).Port;

        var report = await StackReadiness.WaitAsync(ReadinessRequest.ForRemote([new RemoteService("db") { TcpEndpoints = [$"127.0.0.1:{port}"], Timeout = TimeSpan.FromSeconds(2) }]));
        await stop.CancelAsync();
        await closing;

        Assert.Contains("accepted the connection and closed it at once", report["db"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remote_dependents_of_a_failed_service_are_blocked_and_a_non_critical_failure_is_a_warning()
    {
        await using var down = new LoopbackHttpServer(_ => (500, "down"));
        await using var up = new LoopbackHttpServer(_ => (200, "ok"));
        var request = ReadinessRequest.ForRemote(
        [
            new RemoteService("auth") { ReadyUrl = down.Url("/ready"), Timeout = TimeSpan.FromSeconds(1) },
            new RemoteService("api") { ReadyUrl = down.Url("/api"), Timeout = TimeSpan.FromSeconds(60) },
            new RemoteService("docs") { ReadyUrl = down.Url("/docs"), Timeout = TimeSpan.FromSeconds(1), Critical = false },
            new RemoteService("web") { ReadyUrl = up.Url("/") },
        ]) with
        {
            DependsOn = new Dictionary<string, IReadOnlyList<string>> { ["api"] = ["auth"] },
        };

        var report = await StackReadiness.WaitAsync(request);

        Assert.Equal(ServiceReadinessState.Blocked, report["api"].State);
        Assert.Equal("service \"api\" is blocked by \"auth\", which failed", report["api"].Reason);
        Assert.True(report["docs"].IsWarning);
        Assert.Equal(ServiceReadinessState.Ready, report["web"].State);
        Assert.Equal(["auth", "api"], report.Failures.Select(f => f.Service));
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(30), $"took {report.Elapsed}");
    }

    [Fact]
    public async Task Without_a_terminal_each_state_change_is_one_timestamped_line_and_failures_are_explained()
    {
        await using var down = new LoopbackHttpServer(_ => (503, "starting"));
        await using var up = new LoopbackHttpServer(_ => (200, "ok"));
        var output = new StringWriter();
        var console = ConsoleWritingTo(output, terminal: false);

        var report = await ReadinessConsole.WaitAsync(ReadinessRequest.ForRemote(
        [
            new RemoteService("api") { ReadyUrl = up.Url("/ready") },
            new RemoteService("queue") { ReadyUrl = down.Url("/ready"), Timeout = TimeSpan.FromSeconds(1) },
        ]), console, liveTable: false);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.False(report.IsReady);
        Assert.Contains(lines, l => Matches(l, @"^\d\d:\d\d:\d\d\.\d{3} api +waiting .* waiting for HTTP 127\.0\.0\.1:\d+/ready$"));
        Assert.Contains(lines, l => Matches(l, @"^\d\d:\d\d:\d\d\.\d{3} api +ready "));
        Assert.Contains(lines, l => Matches(l, @"^\d\d:\d\d:\d\d\.\d{3} queue +FAILED .*service ""queue"" never became ready within 1s: HTTP 503"));
        Assert.Contains(lines, l => l.StartsWith("error: service \"queue\" never became ready within 1s", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.Contains(" api ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task On_a_terminal_a_live_table_shows_each_service_with_its_state_and_probe()
    {
        await using var up = new LoopbackHttpServer(_ => (200, "ok"));
        var output = new StringWriter();
        var console = ConsoleWritingTo(output, terminal: true);

        var report = await ReadinessConsole.WaitAsync(ReadinessRequest.ForRemote([new RemoteService("api") { ReadyUrl = up.Url("/ready") }]), console, liveTable: true);

        Assert.True(report.IsReady);
        var text = output.ToString();
        Assert.Contains("Service", text, StringComparison.Ordinal);
        Assert.Contains("Elapsed", text, StringComparison.Ordinal);
        Assert.Matches(@"│ api +│ ready +│ HTTP 127\.0\.0\.1:\d+/ready", text);
        Assert.Contains("1 of 1 services ready in", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unless_asked_for_a_live_table_even_an_interactive_console_gets_lines()
    {
        await using var up = new LoopbackHttpServer(_ => (200, "ok"));
        var output = new StringWriter();
        var console = ConsoleWritingTo(output, terminal: true);

        await ReadinessConsole.WaitAsync(ReadinessRequest.ForRemote([new RemoteService("api") { ReadyUrl = up.Url("/ready") }]), console);

        Assert.DoesNotContain("│", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\d\d:\d\d:\d\d\.\d{3} api +ready ", output.ToString());
    }

    [Fact]
    public async Task The_outcome_lines_carry_an_error_for_a_critical_service_that_never_became_ready()
    {
        await using var up = new LoopbackHttpServer(_ => (200, "ok"));
        await using var down = new LoopbackHttpServer(_ => (503, "starting"));
        var changes = new List<string>();

        var report = await StackReadiness.WaitAsync(
            ReadinessRequest.ForRemote(
            [
                new RemoteService("api") { ReadyUrl = up.Url("/ready") },
                new RemoteService("queue") { ReadyUrl = down.Url("/ready"), Timeout = TimeSpan.FromSeconds(1) },
            ]),
            new ReadinessLineWriter(line => { lock (changes) { changes.Add(line); } }));
        var outcome = ReadinessOutcome.Lines(report).ToList();

        Assert.Contains(changes, l => Matches(l, @" queue +FAILED "));
        var (level, text) = Assert.Single(outcome);
        Assert.Equal(ReadinessOutcomeLevel.Error, level);
        Assert.StartsWith("service \"queue\" never became ready within 1s", text, StringComparison.Ordinal);
    }

    /// <summary>A console without colours into <paramref name="output"/>: an interactive ANSI terminal, or a CI log.</summary>
    private static IAnsiConsole ConsoleWritingTo(StringWriter output, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        Out = new AnsiConsoleOutput(output),
    });

    private static bool Matches(string text, string pattern) => System.Text.RegularExpressions.Regex.IsMatch(text, pattern);
}
