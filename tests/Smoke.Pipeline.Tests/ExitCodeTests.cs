namespace Smoke.Pipeline.Tests;

/// <summary>The exit code of a run: a failure carries its own, a recovery target that puts a failure right carries its own, the highest wins.</summary>
public sealed class ExitCodeTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_failure_carries_its_exit_code_and_is_shown_by_its_message_alone()
    {
        var exitCode = await run.RunAsync<RecoveryBuild>("ValidateConfig");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            new TargetOutcome("ValidateConfig", TargetStatus.Failed, TimeSpan.FromSeconds(1), "2 configuration errors in docker-compose.services.yml") { ExitCode = 2 },
            run.Journal.Outcome("ValidateConfig") with { Start = null });
        Assert.Equal("Build failed in 3.0s (1 target failed, exit code 2)", run.Lines[^1]);
    }

    [Fact]
    public async Task A_recovery_target_that_succeeds_after_the_failure_it_recovers_from_gives_its_exit_code()
    {
        var exitCode = await run.RunAsync<RecoveryBuild>("Deploy --deploy-fails");

        Assert.Equal(3, exitCode);
        Assert.Equal(["Deploy", "Rollback"], run.Journal.Ran);
        Assert.Equal(1, run.Journal.Outcome("Deploy").ExitCode);
        Assert.Equal((TargetStatus.Succeeded, 3), (run.Journal.Outcome("Rollback").Status, run.Journal.Outcome("Rollback").ExitCode));
        Assert.Equal("Build failed in 5.0s (1 target failed, exit code 3)", run.Lines[^1]);
    }

    [Fact]
    public async Task A_recovery_that_fails_gives_its_own_failure_code_the_highest()
    {
        var exitCode = await run.RunAsync<RecoveryBuild>("Deploy --deploy-fails --rollback-fails");

        Assert.Equal(4, exitCode);
        Assert.Equal("v41 did not become ready; the environment is degraded", run.Journal.Outcome("Rollback").Note);
        Assert.Equal("Build failed in 5.0s (2 targets failed, exit code 4)", run.Lines[^1]);
    }

    [Fact]
    public async Task A_recovery_target_after_a_success_recovers_nothing_and_the_build_exits_0()
    {
        var exitCode = await run.RunAsync<RecoveryBuild>("Deploy");

        Assert.Equal(0, exitCode);
        Assert.Equal(["Deploy", "Rollback"], run.Journal.Ran);
        Assert.All(run.Journal.Outcomes, o => Assert.Equal(0, o.ExitCode));
    }

    [Fact]
    public async Task A_skipped_recovery_does_not_claim_the_failure_was_put_right()
    {
        var exitCode = await run.RunAsync<RecoveryBuild>("Deploy --deploy-fails --skip Rollback");

        Assert.Equal(1, exitCode);
        Assert.Equal(TargetStatus.Skipped, run.Journal.Outcome("Rollback").Status);
        Assert.Equal("Build failed in 3.0s (1 target failed)", run.Lines[^1]);
    }

    [Fact]
    public async Task An_interrupted_target_was_cancelled_not_failed_so_there_is_nothing_to_recover_and_the_build_exits_130()
    {
        var exitCode = await run.RunCancelledAtAsync<RecoveryBuild>("SlowDeploy Rollback", "deploying");

        Assert.Equal(130, exitCode);
        Assert.Equal(TargetStatus.Cancelled, run.Journal.Outcome("SlowDeploy").Status);
        Assert.Equal(TargetStatus.Succeeded, run.Journal.Outcome("Rollback").Status);
        Assert.Equal(0, run.Journal.Outcome("Rollback").ExitCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void A_failure_exit_code_outside_1_to_255_is_refused(int exitCode) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BuildFailedException("failed", exitCode));
}
