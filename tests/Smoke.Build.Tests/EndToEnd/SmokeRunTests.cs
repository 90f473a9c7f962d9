using System.Text.Json;

namespace Smoke.Build.Tests.EndToEnd;

/// <summary>
/// `./build.sh Smoke` as the README promises it: green on the bundled platform with every artifact written, and a
/// bad release (a fault baked into the app image) failing with the service named, diagnostics, a failed report and
/// nothing left running.
/// </summary>
[Collection(nameof(BuildRunsCollection))]
public sealed class SmokeRunTests
{
    private static readonly string SmokeArtifacts = Path.Combine(RepositoryRoot.Path, "artifacts", "smoke");

    [Fact]
    public async Task Smoke_on_the_bundled_platform_is_green_and_writes_its_reports_and_junit_files()
    {
        var project = NewProjectName("green");

        var result = await BuildScriptRun.RunAsync(["Smoke", "--project-name", project, "--image-source", "offline"], timeout: TimeSpan.FromMinutes(15));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"Tests: [1-9]\d* passed, 0 failed, 0 skipped", result.Output);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SmokeArtifacts, "report.json")));
        Assert.Equal("passed", report.RootElement.GetProperty("verdict").GetString(), ignoreCase: true);
        Assert.StartsWith("#", (await File.ReadAllTextAsync(Path.Combine(SmokeArtifacts, "summary.md"))).TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(SmokeArtifacts, "report.html")), StringComparison.Ordinal);
        foreach (var assembly in new[] { "SmokeTests.Database", "SmokeTests.EventBus", "SmokeTests.Services", "SmokeTests.EndToEnd" })
        {
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "artifacts", "test-results", $"{assembly}.junit.xml")), $"{assembly}.junit.xml is missing; {result}");
        }

        Assert.Empty(await LeftoverResources.OfProjectAsync(project));
    }

    [Fact]
    public async Task A_release_that_never_becomes_ready_fails_with_the_service_named_diagnostics_written_and_nothing_left()
    {
        var project = NewProjectName("never");

        var result = await BuildScriptRun.RunAsync(
            ["Smoke", "--project-name", project, "--image-source", "offline", "--sample-fault", "ready-never", "--ready-timeout", "40s"],
            timeout: TimeSpan.FromMinutes(15));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches("service \"api\".*(never became ready|unhealthy)", result.Output);
        Assert.True(File.Exists(Path.Combine(SmokeArtifacts, "diagnostics", "api.log")), result.ToString());
        Assert.True(File.Exists(Path.Combine(SmokeArtifacts, "diagnostics", "api.inspect.json")), result.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SmokeArtifacts, "report.json")));
        Assert.Equal("failed", report.RootElement.GetProperty("verdict").GetString(), ignoreCase: true);
        Assert.DoesNotContain("sample-dev-password", await File.ReadAllTextAsync(Path.Combine(SmokeArtifacts, "diagnostics", "api.inspect.json")), StringComparison.Ordinal);
        Assert.Empty(await LeftoverResources.OfProjectAsync(project));
    }

    [Fact]
    public async Task A_release_that_crashes_on_start_fails_at_once_not_at_the_deadline()
    {
        var project = NewProjectName("crash");

        var result = await BuildScriptRun.RunAsync(
            ["ComposeUp", "WaitHealthy", "ComposeDown", "--project-name", project, "--image-source", "offline", "--sample-fault", "crash-on-start", "--ready-timeout", "300s"],
            timeout: TimeSpan.FromMinutes(15));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches("service \"api\".*(exit|restart)", result.Output);
        Assert.DoesNotMatch("api.*never became ready within 300s", result.Output);
        Assert.Empty(await LeftoverResources.OfProjectAsync(project));
    }

    private static string NewProjectName(string purpose) => $"e2e-{purpose}-{Guid.NewGuid():N}"[..20];
}
