namespace Smoke.Release.Tests.Reporting;

/// <summary>deploy.json and the "Deploy to" section of summary.md, exactly as they are written.</summary>
public sealed class DeployOutcomeTests
{
    private static readonly DeployOutcome RolledBack = new(
        "staging",
        "v42",
        DeployOutcome.RolledBack,
        "\"staging\" runs v41 again, its critical tests pass (2 passed); rolled back from v42",
        ".smoke/releases/staging.json",
        Releases.Record("v41") with { Id = "b2", Action = ReleaseAction.Rollback, RollbackOf = "v42" },
        Releases.Record("v41") with { Id = "b2", Action = ReleaseAction.Rollback, RollbackOf = "v42" });

    [Fact]
    public void The_summary_section_names_the_outcome_and_the_current_and_last_known_good_releases()
    {
        Assert.Equal(
            """

            ## Deploy to staging

            **rolled-back:** "staging" runs v41 again, its critical tests pass (2 passed); rolled back from v42

            | | release | action | verdict | reason |
            | --- | --- | --- | --- | --- |
            | current | v41 | Rollback | Passed |  |
            | last known good | v41 | Rollback | Passed |  |

            State: `.smoke/releases/staging.json`

            """.ReplaceLineEndings("\n"),
            RolledBack.ToMarkdown());
    }

    [Fact]
    public void An_environment_with_no_release_shows_none_in_the_summary()
    {
        var first = RolledBack with { Outcome = DeployOutcome.Failed, Current = Releases.Record("v1", ReleaseVerdict.Failed) with { Reason = "roll back: api" }, LastKnownGood = null };

        var section = first.ToMarkdown();

        Assert.Contains("| current | v1 | Deploy | Failed | roll back: api |\n| last known good | none | | | |\n", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_json_is_indented_camel_case_without_empty_fields()
    {
        var byHand = RolledBack with { Release = null, LastKnownGood = null };

        var json = byHand.ToJson();

        Assert.StartsWith("{\n  \"environment\": \"staging\",\n  \"outcome\": \"rolled-back\",\n  \"message\": \"\\\"staging\\\" runs v41 again", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("lastKnownGood", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }
}
