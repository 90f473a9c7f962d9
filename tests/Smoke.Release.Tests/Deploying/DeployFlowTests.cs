using System.Text.Json;
using Smoke.Release.Tests.Support;

namespace Smoke.Release.Tests.Deploying;

/// <summary>A deploy's steps and its verdict, against a stack in memory: what it records, says and leaves.</summary>
public sealed class DeployFlowTests : IDisposable
{
    private readonly FlowSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task Begin_takes_the_lock_and_records_the_intent_before_the_stack_moves()
    {
        var flow = _setup.Deploy();

        await flow.BeginAsync("v42", "4242", CancellationToken.None);

        var state = await _setup.StateAsync();
        Assert.NotNull(state.Current);
        Assert.Equal(("v42", ReleaseVerdict.InProgress, "4242", "alice"), (state.Current.Release, state.Current.Verdict, state.Current.GitSha, state.Current.TriggeredBy));
        Assert.Equal("smoke/sample:v42", state.Current.Images["api"]);
        Assert.Empty(_setup.Stack.Running);
        Assert.False(await _setup.LockIsFreeAsync());
        Assert.Equal(
            [
                $"info: holding the lock of environment \"staging\" ({Path.Combine(".smoke", "releases", "staging.lock")})",
                $"info: recorded the intent to deploy v42 to \"staging\" ({Path.Combine(".smoke", "releases", "staging.json")}): api smoke/sample:v42, worker smoke/sample:v42",
            ],
            _setup.Log.Lines);
    }

    [Fact]
    public async Task A_release_whose_image_is_missing_is_refused_before_the_lock_is_taken()
    {
        _setup.Stack.MissingImages.Add("smoke/sample:v42");

        var refused = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Deploy().BeginAsync("v42", null, CancellationToken.None));

        Assert.Equal("release v42 cannot be deployed to \"staging\": its image smoke/sample:v42 is not on the Docker engine", refused.Message);
        Assert.False(File.Exists(_setup.Store.StatePath(FlowSetup.Environment)));
        Assert.True(await _setup.LockIsFreeAsync());
    }

    [Fact]
    public async Task A_second_deploy_is_refused_while_the_first_holds_the_environment_and_changes_nothing()
    {
        await _setup.Deploy().BeginAsync("v42", null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Deploy().BeginAsync("v43", null, CancellationToken.None));

        Assert.StartsWith($"environment \"staging\" is locked by pid {Environment.ProcessId} on host {Environment.MachineName}", refused.Message, StringComparison.Ordinal);
        Assert.Contains("running \"Deploy --release v42\"", refused.Message, StringComparison.Ordinal);
        Assert.IsType<ReleaseLockedException>(refused.InnerException);
        Assert.Equal(["v42"], (await _setup.StateAsync()).History.Select(record => record.Release));
    }

    [Fact]
    public async Task Bringing_up_moves_the_environment_stack_to_the_release()
    {
        var flow = _setup.Deploy();
        await flow.BeginAsync("v42", null, CancellationToken.None);

        var project = await flow.ProjectAsync(CancellationToken.None);
        await flow.BringUpAsync(project, CancellationToken.None);

        Assert.Equal("smoke-staging", project.Name);
        Assert.Equal("smoke/sample:v42", _setup.Stack.Running["worker"]);
    }

    [Fact]
    public async Task A_release_the_policy_keeps_becomes_the_last_known_good_and_the_lock_is_released()
    {
        await _setup.DeployGoodAsync("v42");

        var state = await _setup.StateAsync();
        Assert.NotNull(state.LastKnownGood);
        Assert.Equal(("v42", ReleaseVerdict.Passed), (state.LastKnownGood.Release, state.LastKnownGood.Verdict));
        var kept = $"release v42 is deployed to \"staging\" and is its last known good release ({SmokeResults.Keep().Summary})";
        Assert.Equal([kept], _setup.Log.Of("success"));
        Assert.Contains($"rollback policy: {SmokeResults.Keep().Summary}", _setup.Log.Of("info"));
        Assert.True(await _setup.LockIsFreeAsync());

        using var outcome = JsonDocument.Parse(_setup.ReadArtifact("deploy.json"));
        Assert.Equal(("staging", "v42", "deployed", kept), (Text(outcome, "environment"), Text(outcome, "release"), Text(outcome, "outcome"), Text(outcome, "message")));
        Assert.Equal(Path.Combine(".smoke", "releases", "staging.json"), Text(outcome, "stateFile"));
        Assert.Equal("v42", outcome.RootElement.GetProperty("lastKnownGood").GetProperty("release").GetString());
    }

    [Fact]
    public async Task A_release_kept_despite_failed_smoke_tests_says_the_policy_tolerates_them()
    {
        var tolerated = new DeployEvidence(SmokeResults.Keep()) { SmokeTestsFailed = true };

        await _setup.DeployAsync("v42", tolerated);

        Assert.Equal(
            [$"release v42 stays deployed to \"staging\" and is its last known good release: the rollback policy tolerates the failed smoke tests ({SmokeResults.Keep().Summary})"],
            _setup.Log.Of("success"));
        Assert.Equal(ReleaseVerdict.Passed, (await _setup.StateAsync()).Current?.Verdict);
    }

    [Fact]
    public async Task A_release_that_fails_is_recorded_failed_and_leaves_a_rollback_to_the_last_known_good()
    {
        await _setup.DeployGoodAsync("v41");

        var (failure, pending) = await _setup.DeployBadAsync("v42");

        Assert.Equal($"release v42 failed in \"staging\": {SmokeResults.RollBack().Summary}; Rollback puts back v41, its last known good release", failure.Message);
        Assert.False(failure.EnvironmentDegraded);
        Assert.NotNull(pending);
        Assert.Equal(("v41", "v42", false), (pending.Target.Release, pending.Release, pending.Target.WasRequested));
        var state = await _setup.StateAsync();
        Assert.Equal(("v42", ReleaseVerdict.Failed, SmokeResults.RollBack().Summary), (state.Current?.Release, state.Current?.Verdict, state.Current?.Reason));
        Assert.Equal("v41", state.LastKnownGood?.Release);
        Assert.False(await _setup.LockIsFreeAsync());
        await pending.Lock.DisposeAsync();
    }

    [Fact]
    public async Task A_first_release_that_fails_stays_failed_because_there_is_no_previous_release()
    {
        var (failure, pending) = await _setup.DeployBadAsync("v1");

        Assert.Null(pending);
        Assert.StartsWith($"release v1 failed in \"staging\" ({SmokeResults.RollBack().Summary}) and stays there, failed: no previous release to roll back to", failure.Message, StringComparison.Ordinal);
        Assert.IsType<NoPreviousReleaseException>(failure.InnerException);
        Assert.Null((await _setup.StateAsync()).LastKnownGood);
        Assert.Contains("**failed:** release v1 failed", _setup.ReadArtifact("summary.md"), StringComparison.Ordinal);
        Assert.True(await _setup.LockIsFreeAsync());
    }

    [Fact]
    public async Task A_release_never_smoke_tested_is_not_kept_whatever_the_policy_says()
    {
        await _setup.DeployGoodAsync("v41");
        var flow = _setup.Deploy();
        await flow.BeginAsync("v42", null, CancellationToken.None);
        var untested = new DeployEvidence(SmokeResults.Keep()) { UntestedBecause = "ComposeUp failed (compose exited with code 1)" };

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => flow.JudgeAsync(untested, CancellationToken.None));

        const string Reason = "the release was never smoke-tested: ComposeUp failed (compose exited with code 1)";
        Assert.Equal($"release v42 failed in \"staging\": {Reason}; Rollback puts back v41, its last known good release", failure.Message);
        Assert.Equal(Reason, (await _setup.StateAsync()).Current?.Reason);
        Assert.NotNull(flow.PendingRollback);
        await flow.PendingRollback.Lock.DisposeAsync();
    }

    [Fact]
    public async Task An_interrupted_deploy_is_recorded_as_interrupted_nothing_is_rolled_back_and_the_lock_is_free()
    {
        await _setup.DeployGoodAsync("v41");
        var flow = _setup.Deploy();
        await flow.BeginAsync("v42", null, CancellationToken.None);
        await flow.BringUpAsync(await flow.ProjectAsync(CancellationToken.None), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => flow.RecordInterruptionAsync("WaitHealthy", CancellationToken.None));

        Assert.Equal(
            $"the deploy of v42 to \"staging\" was interrupted during WaitHealthy and is recorded as interrupted in {Path.Combine(".smoke", "releases", "staging.json")}; " +
            "nothing was rolled back. What runs now: api smoke/sample:v42 (Up 1 minute), worker smoke/sample:v42 (Up 1 minute). Deploy again, or: ./build.sh Rollback --environment staging",
            failure.Message);
        var state = await _setup.StateAsync();
        Assert.Equal((ReleaseVerdict.Interrupted, "interrupted by Ctrl+C or SIGTERM during WaitHealthy"), (state.Current?.Verdict, state.Current?.Reason));
        Assert.Equal("v41", state.LastKnownGood?.Release);
        Assert.Null(flow.PendingRollback);
        Assert.Contains("\"outcome\": \"interrupted\"", _setup.ReadArtifact("deploy.json"), StringComparison.Ordinal);
        Assert.True(await _setup.LockIsFreeAsync());
    }

    [Fact]
    public async Task A_step_after_begin_needs_the_intent_recorded_first()
    {
        var flow = _setup.Deploy();

        var early = await Assert.ThrowsAsync<InvalidOperationException>(() => flow.JudgeAsync(new DeployEvidence(SmokeResults.Keep()), CancellationToken.None));

        Assert.Contains("has not begun", early.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deploy_that_finds_an_earlier_one_unfinished_says_it_is_recorded_as_interrupted()
    {
        await using (var crashed = await _setup.Store.AcquireLockAsync(FlowSetup.Environment, "Deploy --release v41", CancellationToken.None))
        {
            await ReleaseDeployment.BeginAsync(crashed, Releases.Intent("v41"), CancellationToken.None);
        }

        await _setup.Deploy().BeginAsync("v42", null, CancellationToken.None);

        var notice = Assert.Single(_setup.Log.Of("warn"));
        Assert.StartsWith("the deploy of v41 to \"staging\" started", notice, StringComparison.Ordinal);
        Assert.EndsWith("never finished; it is recorded as interrupted", notice, StringComparison.Ordinal);
    }

    private static string? Text(JsonDocument document, string property) => document.RootElement.GetProperty(property).GetString();
}
