namespace Smoke.Release.Tests.Deploying;

public sealed class ReleaseDeploymentTests : IDisposable
{
    private readonly ReleaseRoot _root = new();
    private readonly ManualTime _time = new();
    private readonly ReleaseStateStore _store;

    public ReleaseDeploymentTests() => _store = new ReleaseStateStore(_root.Path, time: _time);

    public void Dispose() => _root.Dispose();

    [Fact]
    public async Task Begin_records_the_intent_as_current_and_in_progress_before_anything_runs()
    {
        await using var held = await LockAsync();

        var deployment = await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None);

        var onDisk = await _store.ReadAsync("staging", CancellationToken.None);
        Assert.Equal(deployment.Record.Id, onDisk.Current!.Id);
        Assert.Equal((ReleaseVerdict.InProgress, ReleaseAction.Deploy, "alice"), (onDisk.Current.Verdict, onDisk.Current.Action, onDisk.Current.TriggeredBy));
        Assert.Equal(_time.GetUtcNow(), onDisk.Current.StartedAt);
        Assert.Equal("smoke/api:v42", onDisk.Current.Images["api"]);
        Assert.Null(onDisk.LastKnownGood);
        Assert.Equal([deployment.Record.Id], onDisk.History.Select(record => record.Id));
    }

    [Fact]
    public async Task A_passing_deploy_becomes_the_last_known_good()
    {
        await using var held = await LockAsync();
        var deployment = await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42", sha: "4242424242424242424242424242424242424242"), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));

        var state = await deployment.SucceedAsync(CancellationToken.None);

        var onDisk = await _store.ReadAsync("staging", CancellationToken.None);
        Assert.Equal((deployment.Record.Id, ReleaseVerdict.Passed), (onDisk.Current!.Id, onDisk.Current.Verdict));
        Assert.Equal(deployment.Record.Id, onDisk.LastKnownGood!.Id);
        Assert.Equal(ReleaseVerdict.Passed, state.Current!.Verdict);
        Assert.Equal(_time.GetUtcNow(), state.Current.FinishedAt);
        Assert.Equal(("v42", "4242424242424242424242424242424242424242"), (state.LastKnownGood!.Release, state.LastKnownGood.GitSha));
        Assert.True(deployment.IsFinished);
    }

    [Fact]
    public async Task A_failed_deploy_records_the_rule_and_keeps_the_last_known_good()
    {
        await using var held = await LockAsync();
        await (await ReleaseDeployment.BeginAsync(held, Releases.Intent("v41"), CancellationToken.None)).SucceedAsync(CancellationToken.None);
        var deployment = await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None);

        var state = await deployment.FailAsync("1 critical test failed: Checks.Login_works", CancellationToken.None);

        Assert.Equal(("v42", ReleaseVerdict.Failed, "1 critical test failed: Checks.Login_works"), (state.Current!.Release, state.Current.Verdict, state.Current.Reason));
        Assert.Equal("v41", state.LastKnownGood!.Release);
        Assert.Equal(["v42", "v41"], state.History.Select(record => record.Release));
        Assert.Equal("v41", deployment.Before.LastKnownGood!.Release);
    }

    [Fact]
    public async Task A_rollback_brings_back_the_last_known_good_and_records_what_it_replaced()
    {
        await using var held = await LockAsync();
        await (await ReleaseDeployment.BeginAsync(held, Releases.Intent("v41"), CancellationToken.None)).SucceedAsync(CancellationToken.None);
        var failed = await (await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None)).FailAsync("database test failed", CancellationToken.None);

        var target = RollbackTarget.Resolve(failed);
        var rollback = await ReleaseDeployment.BeginRollbackAsync(held, target, "smoke", CancellationToken.None);
        var state = await rollback.SucceedAsync(CancellationToken.None);

        Assert.False(target.WasRequested);
        Assert.Equal(("v41", "smoke/api:v41"), (target.Release, target.Images["api"]));
        Assert.Equal((ReleaseAction.Rollback, "v41", "v42", ReleaseVerdict.Passed), (state.Current!.Action, state.Current.Release, state.Current.RollbackOf, state.Current.Verdict));
        Assert.Equal("v41", state.LastKnownGood!.Release);
        Assert.Equal(
            [(ReleaseAction.Rollback, "v41", ReleaseVerdict.Passed), (ReleaseAction.Deploy, "v42", ReleaseVerdict.Failed), (ReleaseAction.Deploy, "v41", ReleaseVerdict.Passed)],
            state.History.Select(record => (record.Action, record.Release, record.Verdict)));
        Assert.False(state.IsDegraded);
    }

    [Fact]
    public async Task A_failed_rollback_leaves_the_environment_degraded_with_the_last_known_good_unchanged()
    {
        await using var held = await LockAsync();
        await (await ReleaseDeployment.BeginAsync(held, Releases.Intent("v41"), CancellationToken.None)).SucceedAsync(CancellationToken.None);
        var failed = await (await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None)).FailAsync("service api never ready", CancellationToken.None);
        var rollback = await ReleaseDeployment.BeginRollbackAsync(held, RollbackTarget.Resolve(failed), "smoke", CancellationToken.None);

        var state = await rollback.FailAsync("critical service \"api\" never became ready", CancellationToken.None);

        Assert.True(state.IsDegraded);
        Assert.True((await _store.ReadAsync("staging", CancellationToken.None)).IsDegraded);
        Assert.Equal("v41", state.LastKnownGood!.Release);
        Assert.Equal(ReleaseAction.Deploy, state.LastKnownGood.Action);
    }

    [Fact]
    public async Task A_deploy_left_unfinished_by_a_dead_process_is_recorded_as_interrupted_by_the_next_one()
    {
        await using (var first = await LockAsync())
        {
            await ReleaseDeployment.BeginAsync(first, Releases.Intent("v42"), CancellationToken.None);
        }

        await using var held = await LockAsync();
        var next = await ReleaseDeployment.BeginAsync(held, Releases.Intent("v43"), CancellationToken.None);

        var state = await _store.ReadAsync("staging", CancellationToken.None);
        Assert.Equal(
            [("v43", ReleaseVerdict.InProgress), ("v42", ReleaseVerdict.Interrupted)],
            state.History.Select(record => (record.Release, record.Verdict)));
        Assert.Equal("the process running it stopped before a verdict", state.History[1].Reason);
        Assert.Equal(ReleaseVerdict.Interrupted, next.Before.Current!.Verdict);
        Assert.Contains("the deploy of v42 to \"staging\" started 2026-11-21 18:40:00Z by alice never finished", Assert.Single(next.Notices), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_interrupted_deploy_is_recorded_with_its_reason()
    {
        await using var held = await LockAsync();
        var deployment = await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None);

        var state = await deployment.InterruptAsync("interrupted (Ctrl+C) during SmokeTests", CancellationToken.None);

        Assert.Equal((ReleaseVerdict.Interrupted, "interrupted (Ctrl+C) during SmokeTests"), (state.Current!.Verdict, state.Current.Reason));
        Assert.Null(state.LastKnownGood);
    }

    [Fact]
    public async Task A_deployment_cannot_end_twice()
    {
        await using var held = await LockAsync();
        var deployment = await ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None);
        await deployment.FailAsync("rate", CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => deployment.SucceedAsync(CancellationToken.None));

        Assert.Equal("the deploy of v42 to \"staging\" already ended as Failed; it cannot end again as Passed", error.Message);
    }

    [Fact]
    public async Task A_deploy_after_a_released_lock_is_refused()
    {
        var held = await LockAsync();
        await held.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => ReleaseDeployment.BeginAsync(held, Releases.Intent("v42"), CancellationToken.None));
    }

    private Task<ReleaseLock> LockAsync() => _store.AcquireLockAsync("staging", "Deploy", CancellationToken.None);
}
