namespace Smoke.Pipeline.Tests;

public sealed class ExecutionTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Dependents_of_a_failed_target_are_not_run()
    {
        var exitCode = await run.RunAsync<FailureBuild>("Test");

        Assert.Equal(1, exitCode);
        Assert.Equal(["Compile"], run.Journal.Ran);
        Assert.Equal(TargetStatus.Failed, run.Journal.Outcome("Compile").Status);
        Assert.Equal("CS1002: ; expected", run.Journal.Outcome("Compile").Note);
        Assert.Equal(new TargetOutcome("Test", TargetStatus.NotRun, TimeSpan.Zero, "dependency Compile failed"), run.Journal.Outcome("Test"));
    }

    [Fact]
    public async Task A_failure_stops_the_build_but_assured_targets_still_run()
    {
        var exitCode = await run.RunAsync<FailureBuild>("Compile Docs Rollback");

        Assert.Equal(1, exitCode);
        Assert.Equal(["Compile", "Rollback"], run.Journal.Ran);
        Assert.Equal("build stopped after Compile failed", run.Journal.Outcome("Docs").Note);
        Assert.True(run.Journal.HasFailedSeenByAssured);
    }

    [Fact]
    public async Task A_target_that_ran_carries_when_it_started_and_one_that_did_not_carries_no_start()
    {
        var before = DateTimeOffset.UtcNow;

        await run.RunAsync<FailureBuild>("Test Docs Rollback");

        var ran = run.Journal.Outcomes.Where(o => o.Status != TargetStatus.NotRun).ToList();
        Assert.Equal(["Compile", "Rollback"], ran.Select(o => o.Name));
        Assert.Equal(["Docs", "Test"], run.Journal.Outcomes.Where(o => o.Status == TargetStatus.NotRun).Select(o => o.Name));
        Assert.All(ran, o => Assert.InRange(o.Start!.Value, before, DateTimeOffset.UtcNow));
        Assert.True(ran[0].Start <= ran[1].Start);
        Assert.All(run.Journal.Outcomes.Where(o => o.Status == TargetStatus.NotRun), o => Assert.Null(o.Start));
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_the_build_go_on_and_the_targets_that_depend_on_the_failed_one_still_run()
    {
        var exitCode = await run.RunAsync<FailureBuild>("Publish Docs Rollback");

        Assert.Equal(1, exitCode);
        Assert.Equal(["Lint", "Docs", "Package", "Publish", "Rollback"], run.Journal.Ran);
        Assert.Equal(
            [
                new TargetOutcome("Lint", TargetStatus.Failed, TimeSpan.FromSeconds(1), "3 style violations") { ExitCode = 1 },
                new TargetOutcome("Docs", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)),
                new TargetOutcome("Package", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)),
                new TargetOutcome("Publish", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)),
                new TargetOutcome("Rollback", TargetStatus.Succeeded, TimeSpan.FromSeconds(1)),
            ],
            run.Journal.Outcomes.Select(o => o with { Start = null }));
        Assert.EndsWith("(1 target failed)", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_triggered_by_a_failed_ProceedAfterFailure_target_still_runs()
    {
        var exitCode = await run.RunAsync<TriggerBuild>("Lint");

        Assert.Equal(1, exitCode);
        Assert.Equal(["Lint", "Notify"], run.Journal.Ran);
        Assert.Equal(TargetStatus.Succeeded, run.Journal.Outcome("Notify").Status);
    }

    [Fact]
    public async Task A_target_without_actions_ends_collective_with_no_header_and_no_duration()
    {
        var exitCode = await run.RunAsync<DiamondBuild>("All");

        Assert.Equal(0, exitCode);
        Assert.Equal(new TargetOutcome("All", TargetStatus.Collective, TimeSpan.Zero), run.Journal.Outcome("All"));
        Assert.DoesNotContain("> All", run.Lines);
        Assert.Contains("All            Collective", run.Lines);
    }

    [Fact]
    public async Task An_unhandled_exception_fails_the_target_with_its_message_instead_of_crashing_the_build()
    {
        var exitCode = await run.RunAsync<FailureBuild>("Crash");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("NullReferenceException: ", run.Journal.Outcome("Crash").Note, StringComparison.Ordinal);
        Assert.Contains("error: Target 'Crash' failed: NullReferenceException", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exception_other_than_a_BuildFailedException_is_a_bug_and_shows_its_type()
    {
        var exitCode = await run.RunAsync<FailureBuild>("Bug");

        Assert.Equal(1, exitCode);
        Assert.Equal("InvalidOperationException: Sequence contains no elements", run.Journal.Outcome("Bug").Note);
    }

    [Fact]
    public async Task Cancellation_mid_target_still_runs_assured_targets_and_exits_130()
    {
        var exitCode = await run.RunCancelledAtAsync<CancellationBuild>("Report Down", "waiting");

        Assert.Equal(130, exitCode);
        Assert.Equal(["Up", "Wait", "Down"], run.Journal.Ran);
        Assert.Equal(TargetStatus.Cancelled, run.Journal.Outcome("Wait").Status);
        Assert.Equal(new TargetOutcome("Report", TargetStatus.NotRun, TimeSpan.Zero, "build was interrupted"), run.Journal.Outcome("Report"));
        Assert.Equal(TargetStatus.Succeeded, run.Journal.Outcome("Down").Status);
        Assert.True(run.Journal.HasFailedSeenByAssured);
        Assert.StartsWith("Build interrupted after ", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parallel_runs_overlap_independent_targets_and_still_honour_After_and_Before()
    {
        var exitCode = await run.RunAsync<ParallelBuild>("Late Left Right Early --parallel");

        Assert.Equal(0, exitCode);
        var ran = run.Journal.Ran.ToList();
        Assert.Equal(7, ran.Count);
        Assert.True(ran.IndexOf("Early") < ran.IndexOf("Left started"), string.Join(", ", ran));
        Assert.True(ran.IndexOf("Setup") < Math.Min(ran.IndexOf("Left started"), ran.IndexOf("Right started")), string.Join(", ", ran));
        Assert.Equal("Late", ran[^1]);
        Assert.All(run.Journal.Outcomes, o => Assert.Equal(TargetStatus.Succeeded, o.Status));
    }

    [Fact]
    public async Task Parallel_output_is_written_whole_per_target()
    {
        await run.RunAsync<ParallelBuild>("Left Right --parallel");

        var lines = run.Lines.ToList();
        foreach (var side in new[] { "left", "right" })
        {
            var header = lines.IndexOf(side == "left" ? "> Left" : "> Right");
            Assert.True(header >= 0, run.Output);
            Assert.Equal([$"{side} line 1", $"{side} line 2", $"{side} line 3"], lines.Skip(header + 1).Take(3));
        }
    }

    [Fact]
    public async Task A_background_target_runs_alongside_the_targets_after_it_and_only_its_dependents_wait_for_it()
    {
        var exitCode = await run.RunAsync<BackgroundBuild>("SmokeTests").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exitCode);
        Assert.Equal(["ComposeUp", "WaitHealthy started", "CompileTests finished", "WaitHealthy finished", "SmokeTests", "ComposeDown"], run.Journal.Ran);
        Assert.Equal(["CompileTests", "ComposeUp", "WaitHealthy", "SmokeTests", "ComposeDown"], run.Journal.Outcomes.Select(o => o.Name));
        Assert.All(run.Journal.Outcomes, o => Assert.Equal(TargetStatus.Succeeded, o.Status));
    }

    [Fact]
    public async Task Background_output_is_written_whole_between_two_targets_never_inside_one()
    {
        run.Environment["GITHUB_ACTIONS"] = "true";

        await run.RunAsync<BackgroundBuild>("SmokeTests").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(
            [
                "::group::ComposeUp",
                "::endgroup::",
                "::group::WaitHealthy",
                "api is starting",
                "api is ready",
                "::endgroup::",
                "::group::CompileTests",
                "compile line 1",
                "compile line 2",
                "::endgroup::",
                "::group::SmokeTests",
                "::endgroup::",
                "::group::ComposeDown",
                "::endgroup::",
            ],
            run.Lines.Take(14));
    }

    [Fact]
    public async Task A_failed_background_target_stops_the_build_but_the_running_target_finishes_and_assured_targets_run()
    {
        var exitCode = await run.RunAsync<BackgroundBuild>("SmokeTests Docs --compile-ends fail").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Equal(["ComposeUp", "WaitHealthy started", "WaitHealthy finished", "ComposeDown"], run.Journal.Ran);
        // Durations are left out: the test clock steps on every read, and reads of overlapping targets interleave.
        Assert.Equal(
            [
                ("CompileTests", TargetStatus.Failed, "CS0246: type 'ApiClient' not found"),
                ("ComposeUp", TargetStatus.Succeeded, null),
                ("WaitHealthy", TargetStatus.Succeeded, null),
                ("Docs", TargetStatus.NotRun, "build stopped after CompileTests failed"),
                ("SmokeTests", TargetStatus.NotRun, "dependency CompileTests failed"),
                ("ComposeDown", TargetStatus.Succeeded, null),
            ],
            run.Journal.Outcomes.Select(o => (o.Name, o.Status, o.Note)));
        Assert.EndsWith("(1 target failed)", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_background_target_still_running_when_the_build_stops_is_cancelled_not_waited_out()
    {
        // CompileTests would hang forever; WaitHealthy fails while it runs.
        var exitCode = await run.RunAsync<BackgroundBuild>("SmokeTests --compile-ends hang --health-ends fail").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Equal(["ComposeUp", "WaitHealthy started", "ComposeDown"], run.Journal.Ran);
        Assert.Equal(
            [
                ("CompileTests", TargetStatus.Cancelled, "cancelled: the build stopped after WaitHealthy failed"),
                ("ComposeUp", TargetStatus.Succeeded, null),
                ("WaitHealthy", TargetStatus.Failed, "api never became ready"),
                ("SmokeTests", TargetStatus.NotRun, "dependency CompileTests was cancelled"),
                ("ComposeDown", TargetStatus.Succeeded, null),
            ],
            run.Journal.Outcomes.Select(o => (o.Name, o.Status, o.Note)));
    }

    [Fact]
    public async Task ProceedAfterFailure_on_a_background_target_lets_the_targets_after_it_run()
    {
        var exitCode = await run.RunAsync<BackgroundBuild>("Lint Docs").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, exitCode);
        Assert.Equal(["Lint", "Docs"], run.Journal.Ran);
        Assert.Equal(TargetStatus.Failed, run.Journal.Outcome("Lint").Status);
        Assert.Equal(TargetStatus.Succeeded, run.Journal.Outcome("Docs").Status);
    }

    [Fact]
    public async Task Cancellation_cancels_a_running_background_target_and_waits_for_it_before_the_summary()
    {
        var exitCode = await run.RunCancelledAtAsync<BackgroundBuild>("SmokeTests --compile-ends hang", "compiling");

        Assert.Equal(130, exitCode);
        Assert.Equal((TargetStatus.Cancelled, "interrupted"), (run.Journal.Outcome("CompileTests").Status, run.Journal.Outcome("CompileTests").Note));
        Assert.Equal(TargetStatus.Cancelled, run.Journal.Outcome("WaitHealthy").Status);
        Assert.True(run.Journal.Outcome("CompileTests").InBackground, "the outcome says the background target was not the current step");
        Assert.False(run.Journal.Outcome("WaitHealthy").InBackground);
        Assert.Equal(new TargetOutcome("SmokeTests", TargetStatus.NotRun, TimeSpan.Zero, "build was interrupted"), run.Journal.Outcome("SmokeTests"));
        Assert.Equal(TargetStatus.Succeeded, run.Journal.Outcome("ComposeDown").Status);
        Assert.Contains("warning: Target 'CompileTests' was interrupted.", run.Output, StringComparison.Ordinal);
        Assert.StartsWith("Build interrupted after ", run.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_parallel_a_background_target_runs_like_any_other()
    {
        var exitCode = await run.RunAsync<BackgroundBuild>("SmokeTests --parallel").WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exitCode);
        Assert.Equal(["ComposeUp", "WaitHealthy started", "CompileTests finished", "WaitHealthy finished", "SmokeTests", "ComposeDown"], run.Journal.Ran);
        Assert.All(run.Journal.Outcomes, o => Assert.Equal(TargetStatus.Succeeded, o.Status));
    }
}
