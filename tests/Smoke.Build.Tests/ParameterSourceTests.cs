using Smoke.Pipeline;

namespace Smoke.Build.Tests;

/// <summary>Where the real build's parameters come from: variables that platforms set for their own reasons must never steer a deploy.</summary>
public sealed class ParameterSourceTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("smoke-parameter-sources-").FullName;

    public ParameterSourceTests() => Directory.CreateDirectory(Path.Combine(root, ".nuke"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public async Task Bare_ENVIRONMENT_RELEASE_and_COMPOSE_FILE_are_ignored_and_named_while_GITHUB_TOKEN_is_read()
    {
        var help = await HelpAsync(new Dictionary<string, string>
        {
            ["ENVIRONMENT"] = "production",
            ["RELEASE"] = "v41",
            ["REMOTE"] = "true",
            ["COMPOSE_FILE"] = "a.yml:b.yml",
            ["GITHUB_TOKEN"] = "ghs_0123456789abcdef",
        });

        Assert.Contains("= (not set)  (default; env SMOKE_ENVIRONMENT or NUKE_ENVIRONMENT)", help, StringComparison.Ordinal);
        Assert.Contains("= docker-compose.services.yml  (default; env SMOKE_COMPOSE_FILE or NUKE_COMPOSE_FILE)", help, StringComparison.Ordinal);
        Assert.Contains("= false  (default; env SMOKE_REMOTE or NUKE_REMOTE)", help, StringComparison.Ordinal);
        Assert.Contains("= ***  (from environment variable GITHUB_TOKEN; env SMOKE_GITHUB_TOKEN or NUKE_GITHUB_TOKEN or GITHUB_TOKEN)", help, StringComparison.Ordinal);
        var notice = Assert.Single(help.Split('\n'), line => line.StartsWith("ignoring", StringComparison.Ordinal));
        Assert.StartsWith("ignoring environment variables COMPOSE_FILE, ENVIRONMENT, RELEASE, REMOTE: parameters read only prefixed names", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("production", help, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_prefixed_environment_reaches_the_deploy_parameter_in_any_spelling()
    {
        var help = await HelpAsync(new Dictionary<string, string> { ["smoke_environment"] = "staging" });

        Assert.Contains("= staging  (from environment variable smoke_environment; env SMOKE_ENVIRONMENT or NUKE_ENVIRONMENT)", help, StringComparison.Ordinal);
        Assert.DoesNotContain("ignoring", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SMOKE_PROJECTS_the_old_bare_name_of_SmokeProjects_is_named_as_ignored_with_the_name_to_use()
    {
        var help = await HelpAsync(new Dictionary<string, string> { ["SMOKE_PROJECTS"] = "tests/smoke/Other" });

        var notice = Assert.Single(help.Split('\n'), line => line.StartsWith("ignoring", StringComparison.Ordinal));
        Assert.StartsWith("ignoring environment variable SMOKE_PROJECTS: parameters read only prefixed names (SMOKE_SMOKE_PROJECTS) or options (--smoke-projects)", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("tests/smoke/Other", help, StringComparison.Ordinal);
    }

    private async Task<string> HelpAsync(Dictionary<string, string> environment)
    {
        using var output = new StringWriter();
        var options = new PipelineOptions { Output = output, WorkingDirectory = root, Environment = environment, Colors = false };

        var exitCode = await PipelineBuild.ExecuteAsync<Build>(["--help"], options, CancellationToken.None);

        Assert.Equal(0, exitCode);
        return output.ToString().ReplaceLineEndings("\n");
    }
}
