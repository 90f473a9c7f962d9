using Smoke.Release.Tests.Support;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Release.Tests.Deploying;

/// <summary>The rollback a failed deploy leaves: the good release back, its checks, and what a failure of its own leaves.</summary>
public sealed class RollbackFlowTests : IDisposable
{
    private readonly FlowSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task The_last_known_good_release_runs_again_and_the_rollback_is_recorded_as_passed()
    {
        var pending = await FailedDeployOfV42Async();

        var message = await _setup.Rollback().RunAsync(pending, CancellationToken.None);

        Assert.Equal("\"staging\" runs v41 again, its critical tests pass (2 passed); rolled back from v42", message);
        Assert.Equal("smoke/sample:v41", _setup.Stack.Running["api"]);
        var state = await _setup.StateAsync();
        Assert.Equal(
            (ReleaseAction.Rollback, "v41", ReleaseVerdict.Passed, "v42"),
            (state.Current?.Action, state.Current?.Release, state.Current?.Verdict, state.Current?.RollbackOf));
        Assert.Equal(state.Current?.Id, state.LastKnownGood?.Id);
        Assert.False(state.IsDegraded);
        Assert.True(await _setup.LockIsFreeAsync());
        Assert.Equal(message, _setup.Log.Of("success")[^1]);
        Assert.Contains("rolling \"staging\" back from v42 to v41: api smoke/sample:v41, worker smoke/sample:v41", _setup.Log.Of("info"));
        Assert.Contains("critical tests after the rollback: Tests: 2 passed, 0 failed, 0 skipped", _setup.Log.Of("info"));
        Assert.Single(_setup.Log.Of("info"), line => line.StartsWith("v41 is ready again in ", StringComparison.Ordinal) && line.EndsWith("s from the failing verdict", StringComparison.Ordinal));
        Assert.Contains("\"outcome\": \"rolled-back\"", _setup.ReadArtifact("deploy.json"), StringComparison.Ordinal);
        Assert.Contains("\"release\": \"v42\"", _setup.ReadArtifact("deploy.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_critical_test_that_fails_after_the_rollback_leaves_the_environment_degraded_with_diagnostics()
    {
        var pending = await FailedDeployOfV42Async();
        _setup.CriticalTests = _ => SmokeResults.CriticalRun(SmokeProjectStatus.Failed, ("Health_is_ready", TestOutcome.Passed), ("Login_works", TestOutcome.Failed));

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunAsync(pending, CancellationToken.None));

        Assert.True(failure.EnvironmentDegraded);
        Assert.Equal(
            "environment \"staging\" is DEGRADED: rolling back from v42 to v41 failed: the critical smoke tests of v41 failed after the rollback: SmokeTests.Services.Checks.Login_works. " +
            "What runs now: api smoke/sample:v41 (Up 1 minute), worker smoke/sample:v41 (Up 1 minute). " +
            $"Diagnostics are in {Path.Combine("artifacts", "smoke", "diagnostics")}/. " +
            "Bring a release that passed back by hand: ./build.sh Rollback --environment staging --release <release>",
            failure.Message);
        var state = await _setup.StateAsync();
        Assert.True(state.IsDegraded);
        Assert.Equal("v41", state.LastKnownGood?.Release);
        Assert.Equal(Path.Combine(_setup.Artifacts, "diagnostics"), _setup.Stack.Diagnostics?.Directory);
        Assert.Equal(["s3cret"], _setup.Stack.Diagnostics?.Secrets ?? []);
        Assert.Contains("\"outcome\": \"rollback-failed\"", _setup.ReadArtifact("deploy.json"), StringComparison.Ordinal);
        Assert.True(await _setup.LockIsFreeAsync());
    }

    [Fact]
    public async Task A_smoke_project_that_hangs_after_the_rollback_fails_it_even_with_no_failed_test()
    {
        var pending = await FailedDeployOfV42Async();
        _setup.CriticalTests = _ => SmokeResults.CriticalRun(SmokeProjectStatus.Hung, ("Health_is_ready", TestOutcome.Passed));

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunAsync(pending, CancellationToken.None));

        Assert.Contains("failed: the critical smoke tests of v41 failed after the rollback: SmokeTests.Services hung.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_release_that_never_becomes_ready_again_degrades_the_environment_with_the_first_line_of_why()
    {
        var pending = await FailedDeployOfV42Async();
        _setup.Stack.Readiness = () => SmokeResults.Readiness("api");

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunAsync(pending, CancellationToken.None));

        Assert.StartsWith("environment \"staging\" is DEGRADED: rolling back from v42 to v41 failed: 1 critical service is not ready:. What runs now:", failure.Message, StringComparison.Ordinal);
        Assert.IsType<Smoke.Stack.Readiness.StackNotReadyException>(failure.InnerException);
        Assert.Equal(ReleaseVerdict.Failed, (await _setup.StateAsync()).Current?.Verdict);
    }

    [Fact]
    public async Task A_good_release_whose_image_is_gone_cannot_be_brought_back()
    {
        var pending = await FailedDeployOfV42Async();
        _setup.Stack.MissingImages.Add("smoke/sample:v41");

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunAsync(pending, CancellationToken.None));

        Assert.Contains(
            "rolling back from v42 to v41 failed: release v41 cannot be brought back: its image smoke/sample:v41 is not on the Docker engine. What runs now: api smoke/sample:v42",
            failure.Message,
            StringComparison.Ordinal);
        Assert.True(failure.EnvironmentDegraded);
    }

    [Fact]
    public async Task A_rollback_aborted_by_a_second_interrupt_is_recorded_interrupted_and_frees_the_lock()
    {
        var pending = await FailedDeployOfV42Async();
        using var aborted = new CancellationTokenSource();
        _setup.Stack.OnBringBack = aborted.Cancel;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _setup.Rollback().RunAsync(pending, aborted.Token));

        var state = await _setup.StateAsync();
        Assert.Equal((ReleaseAction.Rollback, ReleaseVerdict.Interrupted), (state.Current?.Action, state.Current?.Verdict));
        Assert.Equal("the rollback was aborted by a second Ctrl+C or SIGTERM", state.Current?.Reason);
        Assert.True(await _setup.LockIsFreeAsync());
    }

    [Fact]
    public async Task A_compose_failure_that_is_a_cancellation_without_an_interrupt_still_degrades_the_environment()
    {
        var pending = await FailedDeployOfV42Async();
        _setup.Stack.BringBackFailure = new TaskCanceledException("compose up timed out");

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunAsync(pending, CancellationToken.None));

        Assert.True(failure.EnvironmentDegraded);
        Assert.Contains("failed: compose up timed out. What runs now:", failure.Message, StringComparison.Ordinal);
    }

    /// <summary>v41 deployed and kept, then v42 failed by the policy: the rollback it leaves brings back v41.</summary>
    private async Task<PendingRollback> FailedDeployOfV42Async()
    {
        await _setup.DeployGoodAsync("v41");
        var (_, pending) = await _setup.DeployBadAsync("v42");
        Assert.NotNull(pending);
        return pending;
    }
}
