using Smoke.Stack.Engine;
using Smoke.Stack.Fixtures;
using Smoke.Stack.Sessions;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Fixtures;

public sealed class ContainerBuilderTests
{
    // The minbase Debian image has no nc or python, but perl-base is essential and can listen.
    private const string PerlHttpServer =
        "$| = 1; use IO::Socket::INET; my $s = IO::Socket::INET->new(LocalPort => 8080, Listen => 5, ReuseAddr => 1) or die $!; "
        + "print STDOUT \"listening\\n\"; "
        + "while (my $c = $s->accept) { my $r = <$c>; print $c \"HTTP/1.0 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok\"; close $c; }";

    [Fact]
    public async Task Waiting_for_tcp_returns_once_something_listens_behind_the_published_port()
    {
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sh", "-c", $"sleep 2; exec perl -e '{PerlHttpServer}'")
            .WithPortBinding(8080)
            .WithWaitStrategy(Wait.ForTcp(8080))
            .Build();

        await container.StartAsync();

        Assert.Contains("listening", await container.GetLogsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_http_returns_once_the_path_answers_2xx()
    {
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("perl", "-e", PerlHttpServer)
            .WithPortBinding(8080)
            .WithWaitStrategy(Wait.ForHttp(8080, "/healthz"))
            .Build();

        await container.StartAsync();

        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri($"http://{container.Host}:{container.GetMappedPort(8080)}/healthz")));
    }

    [Fact]
    public async Task Waiting_for_a_log_line_returns_once_it_was_logged()
    {
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sh", "-c", "sleep 1; echo 'database system is ready to accept connections' >&2; sleep 60")
            .WithWaitStrategy(Wait.ForLog("ready to accept connections"))
            .Build();

        await container.StartAsync();

        Assert.Contains("ready to accept connections", await container.GetLogsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_healthy_returns_once_the_healthcheck_passes()
    {
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sh", "-c", "sleep 2; touch /tmp/ready; sleep 60")
            .WithHealthcheck(new ContainerHealthcheck(["CMD", "test", "-f", "/tmp/ready"]) { Interval = TimeSpan.FromSeconds(1) })
            .WithWaitStrategy(Wait.ForHealthy())
            .Build();

        await container.StartAsync();

        var details = await container.InspectAsync();
        Assert.Equal("healthy", details.State.Health?.Status);
    }

    [Fact]
    public async Task A_wait_timeout_names_the_container_the_wait_the_state_and_the_last_log_lines_and_removes_it()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sh", "-c", "echo starting up; echo still warming up; sleep 60")
            .WithPortBinding(5432)
            .WithWaitStrategy(Wait.ForTcp(5432))
            .WithStartupTimeout(TimeSpan.FromSeconds(3))
            .Build();
        await using (container)
        {
            var error = await Assert.ThrowsAsync<ContainerStartupException>(() => container.StartAsync());

            Assert.Contains($"({TestImages.Base}) did not become ready within 3s: waited for TCP 127.0.0.1:", error.Message, StringComparison.Ordinal);
            Assert.Contains("(5432), last probe: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("state: running (exit code 0)", error.Message, StringComparison.Ordinal);
            Assert.Contains("still warming up", error.Message, StringComparison.Ordinal);
            Assert.Equal(["starting up", "still warming up"], error.LastLogLines);
            Assert.Null(await client.TryInspectContainerAsync(container.Id!));
        }
    }

    [Fact]
    public async Task A_container_that_exits_before_it_is_ready_fails_at_once_with_its_exit_code_and_log()
    {
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sh", "-c", "echo 'FATAL: bad config' >&2; exit 3")
            .WithWaitStrategy(Wait.ForLog("never"))
            .WithStartupTimeout(TimeSpan.FromMinutes(5))
            .Build();

        var error = await Assert.ThrowsAsync<ContainerStartupException>(() => container.StartAsync());

        Assert.Contains("stopped before it was ready", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.State?.ExitCode);
        Assert.Contains("FATAL: bad config", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_healthy_without_a_healthcheck_says_what_to_do()
    {
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sleep", "60")
            .WithWaitStrategy(Wait.ForHealthy())
            .Build();

        var error = await Assert.ThrowsAsync<ContainerStartupException>(() => container.StartAsync());

        Assert.Contains("has no HEALTHCHECK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_image_says_to_build_or_pull_it()
    {
        await using var container = new ContainerBuilder().WithImage("smoke/no-such-image:nope").Build();

        var error = await Assert.ThrowsAsync<ContainerStartupException>(() => container.StartAsync());

        Assert.Contains("could not start a container from smoke/no-such-image:nope", error.Message, StringComparison.Ordinal);
        Assert.Contains("build or pull smoke/no-such-image:nope first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Containers_carry_the_session_labels_and_are_removed_on_dispose()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var session = StackSession.ForCurrentProcess();
        var container = new ContainerBuilder().WithImage(TestImages.Base).WithCommand("sleep", "60").WithSession(session).Build();
        await container.StartAsync();

        var details = await container.InspectAsync();
        await container.DisposeAsync();

        Assert.Equal(session.RunId, details.Labels[StackSession.SessionLabel]);
        Assert.Equal(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), details.Labels[StackSession.OwnerPidLabel]);
        Assert.Equal(Environment.MachineName, details.Labels[StackSession.OwnerHostLabel]);
        Assert.True(details.Labels.ContainsKey(StackSession.OwnerStartTimeLabel));
        Assert.Empty(await client.ListContainersAsync([session.LabelFilter]));
    }
}
