using System.Net;
using System.Net.Sockets;

namespace Smoke.Build.Tests.EndToEnd;

/// <summary>
/// A remote environment (a profile with Remote: true and the services' addresses): no Docker and no compose, only
/// HTTP and TCP probes, and the tests still get their endpoints. The "remote" services here listen on 127.0.0.1.
/// </summary>
[Collection(nameof(BuildRunsCollection))]
public sealed class RemoteEnvironmentTests : IAsyncDisposable
{
    private readonly HttpListener http = new();
    private readonly TcpListener tcp = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly int httpPort = FreePort();
    private Task serving = Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        http.Close();
        tcp.Stop();
        await serving.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    [Fact]
    public async Task Only_the_probes_run_and_the_endpoints_are_handed_over()
    {
        Serve(HttpStatusCode.OK);

        var result = await BuildScriptRun.RunAsync(
            ["WaitHealthy", "--remote", "--remote-services", $"api=http://127.0.0.1:{httpPort}/healthz/ready", $"postgres=tcp://127.0.0.1:{((IPEndPoint)tcp.LocalEndpoint).Port}"],
            new Dictionary<string, string?> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"EnsureDocker\s+Skipped", result.Output);
        Assert.Matches(@"ComposeUp\s+Skipped", result.Output);
        var endpoints = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "endpoints.json"));
        Assert.Contains($"http://127.0.0.1:{httpPort}", endpoints, StringComparison.Ordinal);
        Assert.Contains("SMOKE_POSTGRES_HOST", endpoints, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remote_service_that_answers_503_fails_at_its_deadline_naming_it()
    {
        Serve(HttpStatusCode.ServiceUnavailable);

        var result = await BuildScriptRun.RunAsync(
            ["WaitHealthy", "--remote", "--remote-services", $"api=http://127.0.0.1:{httpPort}/healthz/ready", "--ready-timeout", "5s"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches("service \"api\".*503", result.Output);
    }

    [Fact]
    public async Task A_malformed_remote_service_is_a_usage_error()
    {
        var result = await BuildScriptRun.RunAsync(["WaitHealthy", "--remote", "--remote-services", "api:http://nowhere"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("is not name=address", result.Output, StringComparison.Ordinal);
    }

    private void Serve(HttpStatusCode status)
    {
        http.Prefixes.Add($"http://127.0.0.1:{httpPort}/");
        http.Start();
        tcp.Start();
        serving = Task.WhenAll(AnswerHttpAsync(status), AcceptTcpAsync());
    }

    private async Task AnswerHttpAsync(HttpStatusCode status)
    {
        while (!stop.IsCancellationRequested)
        {
            var context = await http.GetContextAsync().WaitAsync(stop.Token);
            context.Response.StatusCode = (int)status;
            await context.Response.OutputStream.WriteAsync("{\"status\":\"checked\"}"u8.ToArray(), stop.Token);
            context.Response.Close();
        }
    }

    private async Task AcceptTcpAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await tcp.AcceptTcpClientAsync(stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
