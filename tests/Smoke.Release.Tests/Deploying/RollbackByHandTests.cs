using Smoke.Release.Tests.Support;

namespace Smoke.Release.Tests.Deploying;

/// <summary>./build.sh Rollback: which release comes back, and the rollbacks that are refused.</summary>
public sealed class RollbackByHandTests : IDisposable
{
    private readonly FlowSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task Without_a_release_the_last_known_good_comes_back()
    {
        await _setup.DeployGoodAsync("v40");
        await _setup.DeployGoodAsync("v41");

        var message = await _setup.Rollback().RunByHandAsync(release: null, CancellationToken.None);

        Assert.Equal("\"staging\" runs v41 again, its critical tests pass (2 passed); rolled back from v41", message);
        Assert.Contains("holding the lock of environment \"staging\" (" + Path.Combine(".smoke", "releases", "staging.lock") + ")", _setup.Log.Of("info"));
        Assert.Single(_setup.Log.Of("info"), line => line.StartsWith("v41 is ready again in ", StringComparison.Ordinal) && line.EndsWith("s from the start of the rollback", StringComparison.Ordinal));
        using var outcome = System.Text.Json.JsonDocument.Parse(_setup.ReadArtifact("deploy.json"));
        Assert.False(outcome.RootElement.TryGetProperty("release", out _));
    }

    [Fact]
    public async Task A_named_release_that_passed_here_before_comes_back_with_its_own_images()
    {
        await _setup.DeployGoodAsync("v39");
        await _setup.DeployGoodAsync("v40");

        await _setup.Rollback().RunByHandAsync("v39", CancellationToken.None);

        var state = await _setup.StateAsync();
        Assert.Equal((ReleaseAction.Rollback, "v39", "v39-sha", "v40"), (state.Current?.Action, state.Current?.Release, state.Current?.GitSha, state.Current?.RollbackOf));
        Assert.Equal("smoke/sample:v39", _setup.Stack.Running["api"]);
        Assert.Contains("\"release\": \"v39\"", _setup.ReadArtifact("deploy.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_release_that_never_passed_here_is_refused_naming_those_that_did_and_the_lock_is_freed()
    {
        await _setup.DeployGoodAsync("v40");
        var (_, pending) = await _setup.DeployBadAsync("v41");
        await _setup.Rollback().RunAsync(pending ?? throw new InvalidOperationException("v41 left no rollback"), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunByHandAsync("v41", CancellationToken.None));

        Assert.Equal(
            "cannot roll back environment \"staging\" to release \"v41\": it never passed its smoke tests there (its last deploy: failed); " +
            "releases that passed there, newest first: v40. Name one of those, or deploy \"v41\" as a new release instead.",
            refused.Message);
        Assert.IsType<ReleaseNotInHistoryException>(refused.InnerException);
        Assert.True(await _setup.LockIsFreeAsync());
        Assert.Equal(ReleaseAction.Rollback, (await _setup.StateAsync()).Current?.Action);
    }

    [Fact]
    public async Task An_environment_where_nothing_ever_passed_has_nothing_to_roll_back_to()
    {
        var refused = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunByHandAsync(release: null, CancellationToken.None));

        Assert.StartsWith("no previous release to roll back to in environment \"staging\"", refused.Message, StringComparison.Ordinal);
        Assert.True(await _setup.LockIsFreeAsync());
    }

    [Fact]
    public async Task A_rollback_by_hand_is_refused_while_a_deploy_holds_the_environment()
    {
        await _setup.DeployGoodAsync("v41");
        await _setup.Deploy().BeginAsync("v42", null, CancellationToken.None);

        var refused = await Assert.ThrowsAsync<DeployFailedException>(() => _setup.Rollback().RunByHandAsync(release: null, CancellationToken.None));

        Assert.Contains("running \"Deploy --release v42\"", refused.Message, StringComparison.Ordinal);
        Assert.Equal("v42", (await _setup.StateAsync()).Current?.Release);
    }
}
