namespace Smoke.Pipeline.Tests;

public sealed class GitHubActionsTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Theory]
    [InlineData("100%", "100%25")]
    [InlineData("line one\r\nline two", "line one%0D%0Aline two")]
    [InlineData("a: b, c", "a: b, c")]
    public void Data_escapes_percent_CR_and_LF_only(string data, string escaped) =>
        Assert.Equal(escaped, WorkflowCommand.EscapeData(data));

    [Fact]
    public void Property_values_also_escape_colon_and_comma()
    {
        var command = WorkflowCommand.Error("failed: 100%\nsee log", file: "src/a,b:c.cs", line: 12, column: 3, title: "Smoke, api");

        Assert.Equal("::error file=src/a%2Cb%3Ac.cs,line=12,col=3,title=Smoke%2C api::failed: 100%25%0Asee log", command);
    }

    [Fact]
    public void Commands_without_properties_have_no_space_before_the_data() =>
        Assert.Equal("::warning::careful", WorkflowCommand.Warning("careful"));

    [Fact]
    public async Task On_a_runner_targets_are_grouped_logs_become_annotations_secrets_are_masked_and_the_summary_is_published()
    {
        var stepSummary = Path.Combine(run.Root, "step-summary.md");
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["GITHUB_STEP_SUMMARY"] = stepSummary;
        run.Environment["SMOKE_DB_PASSWORD"] = "pa55word";

        var exitCode = await run.RunAsync<AnnotationBuild>("Fail");

        Assert.Equal(1, exitCode);
        Assert.Equal(
            [
                "::add-mask::pa55word",
                "::group::Annotate",
                "connecting with ***",
                "::warning file=src/a%2Cb.cs,line=3,col=5::50%25 done%0D%0Anext: more",
                "::error file=dir%3Ax.cs,line=1::broken: yes",
                "::endgroup::",
                "::group::Fail",
                "::error::Target 'Fail' failed: it broke",
                "::endgroup::",
            ],
            run.Lines.Take(9));
        Assert.Equal(1, run.Output.Split("pa55word").Length - 1);
        var summary = await File.ReadAllTextAsync(stepSummary);
        Assert.Contains("| Fail | Failed | 1.0s | it broke |", summary, StringComparison.Ordinal);
        Assert.Contains("**Build failed in 5.0s (1 target failed)**", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_learnt_while_running_is_masked_from_then_on_and_registered_with_the_runner()
    {
        run.Environment["GITHUB_ACTIONS"] = "true";

        var exitCode = await run.RunAsync<LearntSecretBuild>("Use");

        Assert.Equal(0, exitCode);
        Assert.Contains("before: s3cr3t-from-file", run.Lines);
        Assert.Single(run.Lines, l => l == "::add-mask::s3cr3t-from-file");
        Assert.Contains("after: ***", run.Lines);
        Assert.DoesNotContain("::add-mask::on", run.Lines);
        Assert.Contains("a short value stays: on", run.Lines);
        Assert.Contains("::warning::still ***", run.Lines);
    }

    [Fact]
    public async Task Parallel_runs_on_a_runner_are_not_grouped()
    {
        run.Environment["GITHUB_ACTIONS"] = "true";

        await run.RunAsync<ParallelBuild>("Left Right --parallel");

        Assert.DoesNotContain(run.Lines, l => l.StartsWith("::group::", StringComparison.Ordinal));
    }
}
