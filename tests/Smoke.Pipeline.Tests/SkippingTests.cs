namespace Smoke.Pipeline.Tests;

/// <summary>Skipping as NUKE does it (BuildExecutor, BuildExecutorTest): the chain is C -> B -> A, and Other needs A too.</summary>
public sealed class SkippingTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Skipping_a_target_also_skips_the_dependencies_no_other_planned_target_needs()
    {
        var exitCode = await run.RunAsync<ChainBuild>("C --skip B");

        Assert.Equal(0, exitCode);
        Assert.Equal(["C"], run.Journal.Ran);
        Assert.Equal(new TargetOutcome("B", TargetStatus.Skipped, TimeSpan.Zero, "via --skip"), run.Journal.Outcome("B"));
        Assert.Equal(new TargetOutcome("A", TargetStatus.Skipped, TimeSpan.Zero, "needed only by B, which is skipped"), run.Journal.Outcome("A"));
    }

    [Fact]
    public async Task A_dependency_that_another_planned_target_still_needs_runs()
    {
        await run.RunAsync<ChainBuild>("C Other --skip B");

        Assert.Equal(["A", "Other", "C"], run.Journal.Ran);
    }

    [Fact]
    public async Task Skipping_several_targets_skips_what_only_they_need()
    {
        await run.RunAsync<ChainBuild>("C --skip A B");

        Assert.Equal(["C"], run.Journal.Ran);
    }

    [Fact]
    public async Task A_false_static_condition_skips_the_dependencies_only_that_target_needed()
    {
        await run.RunAsync<ChainBuild>("C --b-wanted false");

        Assert.Equal(["C"], run.Journal.Ran);
        Assert.Equal("condition false: BWanted", run.Journal.Outcome("B").Note);
        Assert.Equal("needed only by B, which is skipped", run.Journal.Outcome("A").Note);
    }

    [Fact]
    public async Task WhenSkipped_Execute_runs_the_dependencies_of_a_skipped_target()
    {
        await run.RunAsync<ChainBuild>("C --skip B --b-keeps-dependencies");

        Assert.Equal(["A", "C"], run.Journal.Ran);
        Assert.Equal(TargetStatus.Skipped, run.Journal.Outcome("B").Status);
    }

    [Fact]
    public async Task When_two_static_conditions_are_false_the_reason_names_both()
    {
        await run.RunAsync<ChainBuild>("C --b-wanted false --b-ready false");

        Assert.Equal("condition false: BWanted && BReady", run.Journal.Outcome("B").Note);
    }

    [Fact]
    public async Task Skipping_a_target_also_skips_the_targets_only_it_triggers()
    {
        var exitCode = await run.RunAsync<TriggerBuild>("Release");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Release"], run.Journal.Ran);
        Assert.Equal(new TargetOutcome("Notify", TargetStatus.Skipped, TimeSpan.Zero, "triggered by Deploy, which is skipped"), run.Journal.Outcome("Notify"));
    }

    [Fact]
    public async Task Skip_never_skips_an_invoked_target()
    {
        var exitCode = await run.RunAsync<ChainBuild>("C --skip C");

        Assert.Equal(0, exitCode);
        Assert.Equal(["A", "B", "C"], run.Journal.Ran);
    }

    [Fact]
    public async Task Skip_without_names_skips_every_target_that_was_not_invoked()
    {
        await run.RunAsync<ChainBuild>("C --skip");

        Assert.Equal(["C"], run.Journal.Ran);
        Assert.All(["A", "B"], name => Assert.Equal(TargetStatus.Skipped, run.Journal.Outcome(name).Status));
    }

    [Fact]
    public async Task Skip_without_names_and_no_target_named_skips_the_default_target_too()
    {
        var exitCode = await run.RunAsync<ChainBuild>("--skip", default, x => x.C);

        Assert.Equal(0, exitCode);
        Assert.Empty(run.Journal.Ran);
        Assert.All(run.Journal.Outcomes, outcome => Assert.Equal(TargetStatus.Skipped, outcome.Status));
    }

    [Fact]
    public async Task An_invoked_target_whose_static_condition_is_false_is_skipped_but_its_dependencies_run()
    {
        await run.RunAsync<ChainBuild>("B --b-ready false");

        Assert.Equal(["A"], run.Journal.Ran);
        Assert.Equal(new TargetOutcome("B", TargetStatus.Skipped, TimeSpan.Zero, "condition false: BReady"), run.Journal.Outcome("B"));
    }

    [Fact]
    public async Task The_plan_shows_why_each_target_is_skipped()
    {
        await run.RunAsync<ChainBuild>("--plan C --skip B");

        Assert.Equal(
            ["Plan (3 targets, in order):", "   1. A  skipped: needed only by B, which is skipped", "   2. B  skipped: via --skip", "   3. C  invoked"],
            run.Lines.Take(4));
    }
}
