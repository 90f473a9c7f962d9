namespace Smoke.Release.Tests.Deploying;

public sealed class RollbackTargetTests
{
    [Fact]
    public void With_no_release_named_the_target_is_the_last_known_good()
    {
        var good = Releases.Record("v41");
        var state = new ReleaseState("staging") { Current = Releases.Record("v42", ReleaseVerdict.Failed), LastKnownGood = good, History = [good] };

        var target = RollbackTarget.Resolve(state);

        Assert.Equal((good, false, "staging"), (target.Record, target.WasRequested, target.Environment));
    }

    [Fact]
    public void A_first_deploy_that_failed_has_no_previous_release()
    {
        var failed = Releases.Record("v1", ReleaseVerdict.Failed);

        var error = Assert.Throws<NoPreviousReleaseException>(() => RollbackTarget.Resolve(new ReleaseState("staging") { Current = failed, History = [failed] }));

        Assert.Equal("staging", error.Environment);
        Assert.Equal(
            "no previous release to roll back to in environment \"staging\": no deploy there has passed its smoke tests yet (history: v1 failed). " +
                "Nothing was rolled back; fix the release and deploy again.",
            error.Message);
    }

    [Fact]
    public void An_empty_environment_has_no_previous_release() =>
        Assert.Contains("(it has no history)", Assert.Throws<NoPreviousReleaseException>(() => RollbackTarget.Resolve(new ReleaseState("staging"))).Message, StringComparison.Ordinal);

    [Fact]
    public void A_named_release_that_passed_before_is_the_target_with_its_newest_passing_record()
    {
        var older = Releases.Record("v39") with { GitSha = "old" };
        var newer = Releases.Record("v39") with { GitSha = "new" };
        var state = new ReleaseState("staging") { LastKnownGood = Releases.Record("v41"), History = [Releases.Record("v41"), newer, Releases.Record("v40"), older] };

        var target = RollbackTarget.Resolve(state, "v39");

        Assert.Equal(("v39", "new", true), (target.Release, target.GitSha, target.WasRequested));
    }

    [Fact]
    public void A_named_release_not_in_the_history_is_refused_listing_the_ones_that_passed()
    {
        var state = new ReleaseState("staging") { LastKnownGood = Releases.Record("v41"), History = [Releases.Record("v42", ReleaseVerdict.Failed), Releases.Record("v41"), Releases.Record("v40")] };

        var error = Assert.Throws<ReleaseNotInHistoryException>(() => RollbackTarget.Resolve(state, "v12"));

        Assert.Equal(["v41", "v40"], error.Candidates);
        Assert.Equal(
            "cannot roll back environment \"staging\" to release \"v12\": it is not in the environment's history; releases that passed there, newest first: v41, v40. " +
                "Name one of those, or deploy \"v12\" as a new release instead.",
            error.Message);
    }

    [Fact]
    public void A_named_release_that_never_passed_is_refused()
    {
        var state = new ReleaseState("staging") { History = [Releases.Record("v42", ReleaseVerdict.Failed)] };

        var error = Assert.Throws<ReleaseNotInHistoryException>(() => RollbackTarget.Resolve(state, "v42"));

        Assert.Contains("it never passed its smoke tests there (its last deploy: failed); no release has passed there yet", error.Message, StringComparison.Ordinal);
    }
}
