namespace Smoke.Pipeline.Tests;

public sealed class PlanningTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_diamond_runs_the_shared_dependency_once()
    {
        var exitCode = await run.RunAsync<DiamondBuild>("Test");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Restore", "CompileApi", "CompileWorker", "Test"], run.Journal.Ran);
    }

    [Fact]
    public async Task Unordered_targets_run_last_declared_first_as_NUKE_plans_them_whatever_the_command_line_order()
    {
        // ExecutionPlanner builds the plan from its end, taking the first-declared target nothing else waits for.
        await run.RunAsync<DiamondBuild>("CompileWorker CompileApi");

        Assert.Equal(["Restore", "CompileApi", "CompileWorker"], run.Journal.Ran);
    }

    [Fact]
    public async Task After_orders_targets_without_pulling_them_in()
    {
        var exitCode = await run.RunAsync<OrderingBuild>("Lint");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Lint"], run.Journal.Ran);
    }

    [Fact]
    public async Task After_and_Before_order_targets_that_are_all_invoked()
    {
        await run.RunAsync<OrderingBuild>("Lint Compile Docs");

        Assert.Equal(["Docs", "Compile", "Lint"], run.Journal.Ran);
    }

    [Fact]
    public async Task DependentFor_pulls_the_target_in_before_its_dependent()
    {
        await run.RunAsync<OrderingBuild>("Publish");

        Assert.Equal(["Package", "Publish"], run.Journal.Ran);
    }

    [Fact]
    public async Task A_cycle_among_targets_that_are_not_planned_is_still_an_error()
    {
        var exitCode = await run.RunAsync<CycleBuild>("Start");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Targets form a cycle: Alpha -> Gamma -> Beta -> Alpha", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Journal.Ran);
    }

    [Fact]
    public async Task A_cycle_made_only_of_ordering_edges_is_an_error_that_names_it()
    {
        var exitCode = await run.RunAsync<OrderCycleBuild>("Lint");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Targets form a cycle: First -> Third -> Second -> First (each must run after the next)", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Journal.Ran);
    }

    [Fact]
    public async Task A_cycle_is_an_error_that_names_every_target_in_it()
    {
        var exitCode = await run.RunAsync<CycleBuild>("Beta Start");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Targets form a cycle: Alpha -> Gamma -> Beta -> Alpha", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Journal.Ran);
    }

    [Fact]
    public async Task A_target_triggered_by_a_skipped_target_is_skipped_too()
    {
        var exitCode = await run.RunAsync<TriggerBuild>("Deploy");

        Assert.Equal(0, exitCode);
        Assert.Empty(run.Journal.Ran);
        Assert.Equal(new TargetOutcome("Deploy", TargetStatus.Skipped, TimeSpan.Zero, "condition false: DeployEnabled"), run.Journal.Outcome("Deploy"));
        Assert.Equal(new TargetOutcome("Notify", TargetStatus.Skipped, TimeSpan.Zero, "triggered by Deploy, which was skipped"), run.Journal.Outcome("Notify"));
    }

    [Fact]
    public async Task A_trigger_runs_after_the_target_that_triggered_it()
    {
        await run.RunAsync<TriggerBuild>("Deploy --deploy-enabled");

        Assert.Equal(["Deploy", "Notify"], run.Journal.Ran);
    }

    [Fact]
    public async Task An_assured_trigger_still_runs_when_its_trigger_failed()
    {
        var exitCode = await run.RunAsync<TriggerBuild>("Smoke --fail-up");

        Assert.Equal(1, exitCode);
        Assert.Equal(["ComposeUp", "ComposeDown"], run.Journal.Ran);
        Assert.Equal(TargetStatus.NotRun, run.Journal.Outcome("Smoke").Status);
    }

    [Fact]
    public async Task No_target_given_runs_the_default_targets()
    {
        await run.RunAsync<DiamondBuild>("", default, x => x.CompileApi);

        Assert.Equal(["Restore", "CompileApi"], run.Journal.Ran);
    }

    [Fact]
    public async Task With_no_target_named_and_no_default_target_the_help_is_printed_and_the_exit_code_is_0()
    {
        var exitCode = await run.RunAsync<DiamondBuild>("");

        Assert.Equal(0, exitCode);
        Assert.Equal("Usage: build [targets] [options] [--<parameter> <value>]", run.Lines[0]);
        Assert.Empty(run.Journal.Ran);
    }

    [Theory]
    [InlineData("CompileApi+CompileWorker")]
    [InlineData("compile-api+compile-worker")]
    [InlineData("COMPILEAPI COMPILE-WORKER")]
    [InlineData("--target compileApi+CompileWorker")]
    public async Task Plus_joins_target_names_dashes_are_dropped_and_case_is_ignored(string args)
    {
        var exitCode = await run.RunAsync<DiamondBuild>(args);

        Assert.Equal(0, exitCode);
        Assert.Equal(["Restore", "CompileApi", "CompileWorker"], run.Journal.Ran);
    }

    [Fact]
    public async Task Skip_names_are_read_like_target_names()
    {
        await run.RunAsync<DiamondBuild>("Test --skip compile-api+COMPILE-WORKER");

        Assert.Equal(["Test"], run.Journal.Ran);
    }

    [Fact]
    public async Task An_unknown_target_is_invalid_usage_with_a_suggestion()
    {
        var exitCode = await run.RunAsync<DiamondBuild>("Tset");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Unknown target 'Tset'. Did you mean 'Test'? Run with --help to list targets.", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Journal.Ran);
    }

    [Fact]
    public async Task Plan_prints_the_order_and_writes_a_mermaid_graph_without_running_anything()
    {
        var exitCode = await run.RunAsync<OrderingBuild>("--plan Lint Compile Publish");

        Assert.Equal(0, exitCode);
        Assert.Empty(run.Journal.Ran);
        Assert.Equal(
            ["Plan (4 targets, in order):", "   1. Package", "   2. Publish  invoked", "   3. Compile  invoked", "   4. Lint     invoked"],
            run.Lines.Take(5));
        var graph = await File.ReadAllTextAsync(Path.Combine(run.Root, ".nuke", "temp", "plan.md"));
        Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
        Assert.Contains("  Compile -.-> Lint\n", graph, StringComparison.Ordinal);
        Assert.Contains("  Package --> Publish\n", graph, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Background_targets_are_planned_first_among_targets_free_to_go_and_marked_in_the_plan()
    {
        var exitCode = await run.RunAsync<BackgroundBuild>("--plan SmokeTests");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "Plan (5 targets, in order):",
                "   1. CompileTests  in background",
                "   2. ComposeUp",
                "   3. WaitHealthy",
                "   4. SmokeTests    invoked",
                "   5. ComposeDown   triggered by ComposeUp; assured after failure",
            ],
            run.Lines.Take(6));
    }
}
