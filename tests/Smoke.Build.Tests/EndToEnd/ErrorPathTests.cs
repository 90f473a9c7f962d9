namespace Smoke.Build.Tests.EndToEnd;

/// <summary>
/// The errors a user meets, run through ./build.sh as they would meet them: each ends with a message naming the
/// thing and the next step, the exit code docs/troubleshooting.md gives, and nothing left running.
/// </summary>
[Collection(nameof(BuildRunsCollection))]
public sealed class ErrorPathTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("smoke-e2e-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task An_unknown_target_exits_2_and_suggests_the_nearest_one()
    {
        var result = await BuildScriptRun.RunAsync(["Smok"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown target 'Smok'. Did you mean 'Smoke'?", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_compose_file_fails_ValidateConfig_with_exit_2_naming_every_problem_with_its_location_once()
    {
        var compose = Path.Combine(scratch, "compose.yml");
        await File.WriteAllTextAsync(compose, """
            services:
              api:
                image: example/api:1
                depends_on: [db]
                ports:
                  - "0.0.0.0:8080:8080"
              worker:
                labels:
                  io.smoke.wait.tmeout: "30s"
            """);

        var result = await BuildScriptRun.RunAsync(["ValidateConfig", "--compose-file", compose, "--env-file", Path.Combine(scratch, "none.env")]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"(?m)^error: \S*compose\.yml\(4,\d+\): SMK\d+: .*\bdb\b", result.Output);
        Assert.Matches(@"(?m)^error: \S*compose\.yml\(7,\d+\): SMK\d+: .*worker.*(image|build)", result.Output);
        Assert.Matches(@"(?m)^error: \S*compose\.yml\(9,\d+\): SMK\d+: .*io\.smoke\.wait\.tmeout.*io\.smoke\.wait\.timeout", result.Output);
        Assert.DoesNotMatch(@"compose\.yml\(\d+,\d+\): .*compose\.yml:\d+", result.Output);
        Assert.Contains("docs/validation.md", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_GitHub_Actions_each_configuration_problem_is_one_annotation_on_its_line()
    {
        var compose = Path.Combine(scratch, "compose.yml");
        await File.WriteAllTextAsync(compose, """
            services:
              api:
                image: example/api:1
                depends_on: [db]
            """);

        var result = await BuildScriptRun.RunAsync(
            ["ValidateConfig", "--compose-file", compose, "--env-file", Path.Combine(scratch, "none.env")],
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = Path.Combine(scratch, "summary.md") });

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Matches(@"(?m)^::error file=\S*compose\.yml,line=4,col=\d+::SMK\d+: .*\bdb\b", result.Output);
        Assert.DoesNotMatch(@"::error file=[^\n]*compose\.yml:\d+", result.Output);
    }

    [Fact]
    public async Task DOCKER_HOST_at_a_dead_socket_beside_a_running_engine_is_one_clear_line_and_exit_1_without_a_second_daemon()
    {
        var socket = Path.Combine(scratch, "docker.sock");

        var result = await BuildScriptRun.RunAsync(["ComposeUp"], new Dictionary<string, string?> { ["DOCKER_HOST"] = $"unix://{socket}" });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"no Docker engine answers at unix://{socket} (the socket {socket} does not exist), but one runs at unix:///var/run/docker.sock: unset DOCKER_HOST", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("starting dockerd", result.Output, StringComparison.Ordinal);
        Assert.Contains("dependency EnsureDocker failed", result.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^EnsureDocker\s+Failed\s.*\n\s", result.Output);
    }

    [Fact]
    public async Task Ctrl_C_during_ComposeUp_exits_130_and_leaves_nothing_behind()
    {
        var project = $"e2e-interrupt-{Guid.NewGuid():N}"[..24];

        var result = await BuildScriptRun.RunAndInterruptAsync(
            ["ComposeUp", "ComposeDown", "--project-name", project],
            // v1 prints "Creating network ...", v2 " Network x_default  Creating".
            line => line.Contains("Creating", StringComparison.Ordinal));

        Assert.True(result.WasInterrupted, result.ToString());
        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("ComposeDown", result.Output, StringComparison.Ordinal);
        Assert.Empty(await LeftoverResources.OfProjectAsync(project));
    }

    [Fact]
    public async Task A_service_that_never_becomes_healthy_fails_WaitHealthy_with_diagnostics_and_leaves_nothing()
    {
        var project = $"e2e-unhealthy-{Guid.NewGuid():N}"[..24];
        var compose = await WriteComposeAsync("""
            services:
              stuck:
                image: ${SMOKE_BASE_IMAGE}
                command: ["sleep", "600"]
                healthcheck:
                  test: ["CMD", "false"]
                  interval: 1s
                  timeout: 1s
                  retries: 2
                labels:
                  io.smoke.wait.timeout: "30s"
            """);

        var result = await BuildScriptRun.RunAsync(["ComposeUp", "WaitHealthy", "ComposeDown", "--compose-file", compose, "--project-name", project]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches("service \"stuck\".*unhealthy", result.Output);
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "diagnostics", "stuck.log")), result.ToString());
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "diagnostics", "stuck.inspect.json")), result.ToString());
        Assert.Empty(await LeftoverResources.OfProjectAsync(project));
    }

    [Fact]
    public async Task A_crash_looping_container_fails_at_once_not_at_the_deadline()
    {
        var project = $"e2e-crashloop-{Guid.NewGuid():N}"[..24];
        var compose = await WriteComposeAsync("""
            services:
              crashy:
                image: ${SMOKE_BASE_IMAGE}
                command: ["sh", "-c", "echo starting; exit 3"]
                restart: always
                labels:
                  io.smoke.wait.timeout: "300s"
            """);

        var result = await BuildScriptRun.RunAsync(
            ["ComposeUp", "WaitHealthy", "ComposeDown", "--compose-file", compose, "--project-name", project],
            new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = Path.Combine(scratch, "summary.md") });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches("service \"crashy\".*(exit|restart)", result.Output);
        Assert.Matches("(?m)^::error::service \"crashy\"", result.Output);
        Assert.DoesNotMatch("within 300s", result.Output);
        Assert.Empty(await LeftoverResources.OfProjectAsync(project));
    }

    private async Task<string> WriteComposeAsync(string yaml)
    {
        var path = Path.Combine(scratch, "compose.yml");
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }
}
