using Smoke.Stack.Engine;
using Smoke.Stack.Fixtures;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Engine;

public sealed class ContainerApiTests
{
    // The engine keeps a last line without a newline back until the process ends, so the script ends.
    private const string Script = "echo hi; echo oops >&2; printf 'no newline'";

    [Fact]
    public async Task Containers_are_found_by_label_and_inspected_with_state_labels_and_published_ports()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var unique = TestLabels.Unique();
        await using var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sleep", "60")
            .WithLabel(unique.Key, unique.Value)
            .WithPortBinding(8080)
            .Build();
        await container.StartAsync();

        var found = await client.ListContainersAsync([$"{unique.Key}={unique.Value}"]);
        var details = await client.InspectContainerAsync(container.Id!);

        var summary = Assert.Single(found);
        Assert.Equal(container.Id, summary.Id);
        Assert.Equal("running", summary.State);
        Assert.True(details.State.Running);
        Assert.Equal(0, details.RestartCount);
        Assert.False(details.State.OOMKilled);
        Assert.Equal(unique.Value, details.Labels[unique.Key]);
        Assert.Equal("true", details.Labels["io.smoke.test"]);
        var port = Assert.Single(details.Ports);
        Assert.Equal(8080, port.ContainerPort);
        Assert.Equal("127.0.0.1", port.HostIp);
        Assert.True(port.HostPort > 0);
        Assert.Equal(port.HostPort, container.GetMappedPort(8080));
        Assert.Contains("\"Id\"", details.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_without_a_tty_are_demultiplexed_into_stdout_and_stderr()
    {
        using var client = DockerEngineClient.FromEnvironment();
        await using var container = await StartAsync(tty: false);

        var lines = await client.GetContainerLogsAsync(container.Id!);

        Assert.Contains(new ContainerLogLine(LogStream.Stdout, "hi"), lines);
        Assert.Contains(new ContainerLogLine(LogStream.Stderr, "oops"), lines);
        Assert.Contains(new ContainerLogLine(LogStream.Stdout, "no newline"), lines);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task Logs_with_a_tty_are_one_plain_stream()
    {
        using var client = DockerEngineClient.FromEnvironment();
        await using var container = await StartAsync(tty: true);

        var lines = await client.GetContainerLogsAsync(container.Id!);

        Assert.Equal(["hi", "oops", "no newline"], lines.Select(l => l.Text));
        Assert.All(lines, line => Assert.Equal(LogStream.Stdout, line.Stream));
    }

    [Fact]
    public async Task Logs_honour_tail_and_timestamps()
    {
        using var client = DockerEngineClient.FromEnvironment();
        await using var container = await StartAsync(tty: false);
        var started = DateTimeOffset.UtcNow.AddMinutes(-5);

        var tail = await client.GetContainerLogsAsync(container.Id!, new ContainerLogOptions { Tail = 1, Timestamps = true, Stderr = false });

        var line = Assert.Single(tail);
        Assert.Equal("no newline", line.Text);
        Assert.NotNull(line.Time);
        Assert.True(line.Time > started);
    }

    [Fact]
    public async Task Logs_since_a_time_after_the_output_are_empty()
    {
        using var client = DockerEngineClient.FromEnvironment();
        await using var container = await StartAsync(tty: false);

        var lines = await client.GetContainerLogsAsync(container.Id!, new ContainerLogOptions { Since = DateTimeOffset.UtcNow.AddMinutes(5) });

        Assert.Empty(lines);
    }

    [Fact]
    public async Task Stopped_killed_and_removed_containers_report_it()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var unique = TestLabels.Unique();
        var id = await client.CreateContainerAsync(new CreateContainerRequest(TestImages.Base)
        {
            Command = ["sh", "-c", "exit 7"],
            Labels = new Dictionary<string, string> { ["io.smoke.test"] = "true", [unique.Key] = unique.Value },
        });
        try
        {
            await client.StartContainerAsync(id);
            var exitCode = await client.WaitContainerAsync(id);
            await client.StopContainerAsync(id);
            await client.KillContainerAsync(id);

            var details = await client.InspectContainerAsync(id);

            Assert.Equal(7, exitCode);
            Assert.Equal(7, details.State.ExitCode);
            Assert.Equal("exited", details.State.Status);
        }
        finally
        {
            await client.RemoveContainerAsync(id);
        }

        Assert.Null(await client.TryInspectContainerAsync(id));
        Assert.Empty(await client.ListContainersAsync([$"{unique.Key}={unique.Value}"]));
        await client.RemoveContainerAsync(id);
    }

    [Fact]
    public async Task Inspecting_a_missing_container_says_so()
    {
        using var client = DockerEngineClient.FromEnvironment();

        var error = await Assert.ThrowsAsync<DockerEngineApiException>(() => client.InspectContainerAsync("smoke-no-such-container"));

        Assert.True(error.IsNotFound);
        Assert.Contains("smoke-no-such-container", error.Message, StringComparison.Ordinal);
    }

    private static async Task<TestContainer> StartAsync(bool tty)
    {
        var container = new ContainerBuilder()
            .WithImage(TestImages.Base)
            .WithCommand("sh", "-c", Script)
            .WithTty(tty)
            .Build();
        await container.StartAsync();
        using var client = DockerEngineClient.FromEnvironment();
        await client.WaitContainerAsync(container.Id!);
        return container;
    }
}
