using Smoke.Tests.Shared;

namespace Smoke.Pipeline.Tests;

public sealed class SnapshotTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Help_lists_targets_options_and_parameters_with_values_and_sources()
    {
        run.WriteParameters("""{ "Configuration": "Release", "Services": ["api", "worker"] }""");
        run.Environment["SMOKE_API_TOKEN"] = "s3cr3t-token";

        var exitCode = await run.RunAsync<ParameterBuild>("--help --retries 5", default, x => x.Show);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("s3cr3t-token", run.Output, StringComparison.Ordinal);
        Snapshot.Match("Help.txt", run.Output);
    }

    [Fact]
    public async Task Summary_shows_status_duration_and_note_of_every_target_then_the_verdict()
    {
        var exitCode = await run.RunAsync<FailureBuild>("Publish Docs Test Rollback");

        Assert.Equal(1, exitCode);
        Snapshot.Match("Summary.txt", run.Output);
    }

    [Fact]
    public async Task A_successful_run_ends_with_build_succeeded_and_a_target_without_actions_is_collective()
    {
        await run.RunAsync<DiamondBuild>("All");

        Snapshot.Match("Succeeded.txt", run.Output);
    }

    [Fact]
    public async Task A_terminal_gets_colours_and_redirected_output_gets_none()
    {
        await run.RunAsync<DiamondBuild>("Restore");
        Assert.DoesNotContain("\u001b[", run.Output, StringComparison.Ordinal);

        run.Colors = true;
        await run.RunAsync<DiamondBuild>("Restore");
        Assert.Contains("\u001b[32mSucceeded\u001b[0m", run.Output, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;32mBuild succeeded in 3.0s\u001b[0m", run.Output, StringComparison.Ordinal);
    }
}
