using System.Text;

namespace Smoke.Pipeline.Tests;

/// <summary>Log.SummaryAsync, the one route to GitHub's job summary: masked, appended, cut at 1 MiB.</summary>
public sealed class StepSummaryTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    private string StepSummary => Path.Combine(run.Root, "step-summary.md");

    [Fact]
    public async Task On_a_runner_a_target_appends_its_markdown_masked_after_what_earlier_steps_wrote()
    {
        await File.WriteAllTextAsync(StepSummary, "# Earlier step\n");
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["GITHUB_STEP_SUMMARY"] = StepSummary;

        Assert.Equal(0, await run.RunAsync<SummaryBuild>("Report"));

        var written = await File.ReadAllTextAsync(StepSummary);
        Assert.StartsWith("# Earlier step\n## Smoke\n\nconnected with ***\n", written, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter22", written, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, (await File.ReadAllBytesAsync(StepSummary))[0]);
    }

    [Fact]
    public async Task A_summary_past_GitHubs_limit_is_cut_at_a_line_with_a_notice()
    {
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["GITHUB_STEP_SUMMARY"] = StepSummary;

        Assert.Equal(0, await run.RunAsync<SummaryBuild>("Huge"));

        var written = await File.ReadAllTextAsync(StepSummary, Encoding.UTF8);
        Assert.True(new FileInfo(StepSummary).Length <= 1024 * 1024);
        Assert.EndsWith("GitHub shows at most 1 MiB per step. The full report is in the run's artifacts.\n", written, StringComparison.Ordinal);
        var kept = written.Split('\n').SkipWhile(l => !l.StartsWith('x')).TakeWhile(l => !l.StartsWith('>')).Where(l => l.Length > 0).ToList();
        Assert.InRange(kept.Count, 1000, SummaryBuild.HugeLines - 1);
        Assert.All(kept, l => Assert.Equal(SummaryBuild.HugeLine, l));
        Assert.DoesNotContain("Build succeeded", written, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_a_runner_the_summary_goes_nowhere()
    {
        run.Environment["GITHUB_STEP_SUMMARY"] = StepSummary;

        Assert.Equal(0, await run.RunAsync<SummaryBuild>("Report"));

        Assert.False(File.Exists(StepSummary));
    }

    [Fact]
    public async Task A_build_writing_to_a_captured_output_never_offers_a_live_display()
    {
        Assert.Equal(0, await run.RunAsync<SummaryBuild>("Live"));

        Assert.Contains("live display: False", run.Lines);
    }
}
