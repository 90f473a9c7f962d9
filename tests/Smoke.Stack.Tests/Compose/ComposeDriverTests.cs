using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Sessions;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Compose;

public sealed class ComposeDriverTests
{
    private const string HealthyAndOneShot = """
        services:
          migrate:
            image: ${BASE_IMAGE}
            command: ["sh", "-c", "echo migrated"]
            labels:
              io.smoke.oneshot: "true"
          web:
            image: ${BASE_IMAGE}
            command: ["sh", "-c", "touch /tmp/ready; exec sleep 300"]
            ports:
              - "127.0.0.1::8080"
            volumes:
              - data:/data
            healthcheck:
              test: ["CMD", "test", "-f", "/tmp/ready"]
              interval: 1s
              retries: 30
            depends_on:
              migrate:
                condition: service_completed_successfully
        volumes:
          data: {}
        """;

    [Fact]
    public async Task Up_runs_the_one_shot_then_the_healthy_service_and_down_leaves_nothing()
    {
        await using var stack = await ComposeStack.CreateAsync(HealthyAndOneShot);

        await stack.Driver.UpAsync(stack.Project);
        var containers = await stack.Driver.PsAsync(stack.Project);
        var web = Assert.Single(containers, c => c.Service == "web");
        var migrate = Assert.Single(containers, c => c.Service == "migrate");
        var health = await WaitForHealthAsync(stack, web.Id);
        var networks = await stack.Engine.ListNetworksAsync([stack.Project.LabelFilter]);
        var volumes = await stack.Engine.ListVolumesAsync([stack.Project.LabelFilter]);
        var logs = await stack.Driver.LogsAsync(stack.Project, ["migrate"]);

        Assert.Equal("healthy", health);
        Assert.Equal("exited", migrate.State);
        Assert.Equal(0, (await stack.Engine.InspectContainerAsync(migrate.Id)).State.ExitCode);
        Assert.False(web.IsOneOff);
        Assert.Equal(stack.Project.Session.RunId, web.Labels[StackSession.SessionLabel]);
        Assert.Equal("true", migrate.Labels["io.smoke.oneshot"]);
        Assert.Equal("127.0.0.1", Assert.Single(web.Ports).HostIp);
        Assert.Equal(stack.Project.Session.RunId, Assert.Single(networks).Labels[StackSession.SessionLabel]);
        Assert.Equal(stack.Project.Session.RunId, Assert.Single(volumes).Labels[StackSession.SessionLabel]);
        Assert.Contains("migrated", logs, StringComparison.Ordinal);

        await stack.Driver.DownAsync(stack.Project);

        Assert.Empty(await stack.LeftoversAsync());
        Assert.False(Directory.Exists(stack.Project.StateDirectory));
    }

    [Fact]
    public async Task Two_projects_up_at_once_do_not_collide()
    {
        await using var first = await ComposeStack.CreateAsync(HealthyAndOneShot);
        await using var second = await ComposeStack.CreateAsync(HealthyAndOneShot);

        await Task.WhenAll(first.Driver.UpAsync(first.Project), second.Driver.UpAsync(second.Project));
        var firstWeb = Assert.Single(await first.Driver.PsAsync(first.Project), c => c.Service == "web");
        var secondWeb = Assert.Single(await second.Driver.PsAsync(second.Project), c => c.Service == "web");

        Assert.NotEqual(first.Project.Name, second.Project.Name);
        Assert.NotEqual(firstWeb.Id, secondWeb.Id);
        Assert.NotEqual(firstWeb.Ports[0].HostPort, secondWeb.Ports[0].HostPort);
        await first.Driver.DownAsync(first.Project);
        Assert.Empty(await first.LeftoversAsync());
        Assert.Equal("running", Assert.Single(await second.Driver.PsAsync(second.Project), c => c.Service == "web").State);
    }

    [Fact]
    public async Task Down_gives_each_container_the_stop_timeout_asked_for_then_kills_it()
    {
        // PID 1 without a SIGTERM handler ignores SIGTERM: only the kill after the stop timeout ends it.
        await using var stack = await ComposeStack.CreateAsync("""
            services:
              stubborn:
                image: ${BASE_IMAGE}
                command: ["sleep", "300"]
            """);
        await stack.Driver.UpAsync(stack.Project);

        await stack.Driver.DownAsync(stack.Project, TimeSpan.FromSeconds(1));

        Assert.Contains(stack.Log, line => line.Contains("down -v --remove-orphans --timeout 1", StringComparison.Ordinal));
        Assert.Empty(await stack.LeftoversAsync());
    }

    [Fact]
    public async Task Down_refuses_a_negative_stop_timeout()
    {
        await using var stack = await ComposeStack.CreateAsync(HealthyAndOneShot);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stack.Driver.DownAsync(stack.Project, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public async Task Cancelling_during_up_then_cleaning_up_leaves_nothing()
    {
        await using var stack = await ComposeStack.CreateAsync("""
            services:
              slow:
                image: ${BASE_IMAGE}
                command: ["sleep", "300"]
                healthcheck:
                  test: ["CMD", "false"]
                  interval: 1s
                  retries: 600
              waiting:
                image: ${BASE_IMAGE}
                command: ["sleep", "300"]
                depends_on:
                  slow:
                    condition: service_healthy
            volumes:
              data: {}
            """);
        using var cancel = new CancellationTokenSource();

        var up = stack.Driver.UpAsync(stack.Project, cancellationToken: cancel.Token);
        await WaitUntilAsync(async () => (await stack.Driver.PsAsync(stack.Project)).Count > 0);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => up);
        await stack.Driver.DownAsync(stack.Project);
        await new SessionSweeper(stack.Engine).RemoveSessionAsync(stack.Project.Session.RunId);

        Assert.Empty(await stack.LeftoversAsync());
    }

    [Fact]
    public async Task Down_runs_again_while_a_container_still_holds_the_project_network()
    {
        await using var stack = await ComposeStack.CreateAsync(OneSleeper);
        await stack.Driver.UpAsync(stack.Project);
        var holder = await AttachOutsiderAsync(stack);

        var down = stack.Driver.DownAsync(stack.Project, TimeSpan.FromSeconds(1));
        await WaitUntilAsync(() => Task.FromResult(LogSnapshot(stack).Any(l => l.Contains("running down again", StringComparison.Ordinal))));
        await stack.Engine.RemoveContainerAsync(holder);
        await down;

        Assert.Contains(LogSnapshot(stack), l => l.Contains($"network {stack.Project.Name}_default of project {stack.Project.Name} still has a container attached", StringComparison.Ordinal));
        Assert.Empty(await stack.LeftoversAsync());
    }

    [Fact]
    public async Task Down_names_the_container_that_keeps_the_project_network_in_use()
    {
        await using var stack = await ComposeStack.CreateAsync(OneSleeper);
        await stack.Driver.UpAsync(stack.Project);
        var holder = await AttachOutsiderAsync(stack);
        var name = (await stack.Engine.InspectContainerAsync(holder)).Name.TrimStart('/');

        var error = await Assert.ThrowsAsync<ComposeCommandException>(() => stack.Driver.DownAsync(stack.Project, TimeSpan.FromSeconds(1)));
        await stack.Engine.RemoveContainerAsync(holder);

        Assert.Contains($"not part of project {stack.Project.Name}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"docker network disconnect -f {stack.Project.Name}_default {name}", error.Message, StringComparison.Ordinal);
        Assert.Equal(ComposeDriver.NetworkInUseRetryDelays.Count, LogSnapshot(stack).Count(l => l.Contains("running down again", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ERROR: error while removing network: network smoke-1_default id f532 has active endpoints", true)]
    [InlineData(" Network smoke-1_default  Resource is still in use", false)]
    [InlineData("ERROR: for api  Cannot start service api: port is already allocated", false)]
    public void A_network_still_in_use_is_told_from_other_down_failures(string standardError, bool inUse) =>
        Assert.Equal(inUse, ComposeDriver.IsNetworkInUse(standardError));

    private const string OneSleeper = """
        services:
          sleeper:
            image: ${BASE_IMAGE}
            command: ["sleep", "300"]
        """;

    /// <summary>A container compose knows nothing of (it carries the session's label only, so the sweep still finds it) on the project's network.</summary>
    private static async Task<string> AttachOutsiderAsync(ComposeStack stack)
    {
        var id = await stack.Engine.CreateContainerAsync(new CreateContainerRequest(TestImages.Base)
        {
            Command = ["sleep", "300"],
            NetworkMode = $"{stack.Project.Name}_default",
            Labels = new Dictionary<string, string> { [StackSession.SessionLabel] = stack.Project.Session.RunId },
        });
        await stack.Engine.StartContainerAsync(id);
        return id;
    }

    private static List<string> LogSnapshot(ComposeStack stack)
    {
        lock (stack.Log)
        {
            return [.. stack.Log];
        }
    }

    [Fact]
    public async Task A_missing_image_names_the_service_that_wanted_it()
    {
        await using var stack = await ComposeStack.CreateAsync("""
            services:
              db:
                image: ${BASE_IMAGE}
                command: ["sleep", "300"]
              api:
                image: 127.0.0.1:1/smoke/sample:nope
            """);

        var error = await Assert.ThrowsAsync<ComposeCommandException>(() => stack.Driver.UpAsync(stack.Project));

        Assert.Equal("api", error.Service);
        Assert.StartsWith("service \"api\": image 127.0.0.1:1/smoke/sample:nope not found locally and could not be pulled (", error.Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", error.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_prints_the_interpolated_file_with_the_session_labels()
    {
        await using var stack = await ComposeStack.CreateAsync(HealthyAndOneShot);

        var config = await stack.Driver.ConfigAsync(stack.Project);

        Assert.Contains($"image: {TestImages.Base}", config, StringComparison.Ordinal);
        Assert.Contains(stack.Project.Session.RunId, config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compose_is_found_and_reports_its_version()
    {
        await using var stack = await ComposeStack.CreateAsync(HealthyAndOneShot);

        Assert.Matches(@"^\d+\.\d+", stack.Driver.Version);

        // ./build.sh Test runs the compose-facing tests again on v1; this proves that pass really runs docker-compose 1.x.
        if (Environment.GetEnvironmentVariable("SMOKE_EXPECT_COMPOSE") is { Length: > 0 } expected)
        {
            Assert.StartsWith(expected, stack.Driver.Version, StringComparison.Ordinal);
        }
        Assert.Equal(stack.Driver.Flavor == ComposeFlavor.V2 ? "docker compose" : "docker-compose", stack.Driver.CommandName);
    }

    [Fact]
    public async Task The_compose_asked_for_is_the_one_used_and_v2_is_the_default_where_it_answers()
    {
        using var engine = Smoke.Stack.Engine.DockerEngineClient.FromEnvironment();

        var byDefault = await ComposeDriver.DetectAsync(engine);
        var v1 = await ComposeDriver.DetectAsync(engine, flavor: ComposeFlavor.V1);
        var v2 = await ComposeDriver.DetectAsync(engine, flavor: ComposeFlavor.V2);

        Assert.Equal((ComposeFlavor.V2, "docker compose"), (byDefault.Flavor, byDefault.CommandName));
        Assert.Equal((ComposeFlavor.V1, "docker-compose"), (v1.Flavor, v1.CommandName));
        Assert.StartsWith("1.", v1.Version, StringComparison.Ordinal);
        Assert.StartsWith("2.", v2.Version, StringComparison.Ordinal);
    }

    private static async Task<string?> WaitForHealthAsync(ComposeStack stack, string id)
    {
        string? status = null;
        await WaitUntilAsync(async () => (status = (await stack.Engine.InspectContainerAsync(id)).State.Health?.Status) == "healthy");
        return status;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
    }
}
