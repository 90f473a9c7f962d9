using System.Text.Json;
using Smoke.Testing.Policy;
using Smoke.Testing.Results;
using static Smoke.Testing.Tests.Policy.SmokeRun;

namespace Smoke.Testing.Tests.Policy;

public sealed class RollbackPolicyTests
{
    private static readonly RollbackPolicy Defaults = new();

    [Fact]
    public void A_green_run_keeps_the_release()
    {
        var decision = Defaults.Decide(Input(Passed("Api_is_live", critical: true), Passed("Db_answers", "database"), Skipped("Replica")));

        Assert.False(decision.RollBack);
        Assert.Empty(decision.FiredRules);
        Assert.Equal("keep the release: no rollback rule fired (3 tests, 0 failed, 1 skipped)", decision.Summary);
    }

    [Fact]
    public void A_failed_critical_test_rolls_back_and_the_reason_names_it()
    {
        var decision = Defaults.Decide(Input([Failed("Login_works", critical: true), .. Many(9, TestOutcome.Passed, "other")]));

        var rule = Assert.Single(decision.FiredRules);
        Assert.True(decision.RollBack);
        Assert.Equal(RollbackRule.CriticalTestFailed, rule.Rule);
        Assert.Equal("1 critical test failed: Checks.Login_works", rule.Reason);
        Assert.Equal(["Smoke.Platform.Tests.Checks.Login_works"], rule.Tests);
        Assert.Equal(["Smoke.Platform.Tests.Checks.Login_works"], decision.Inputs.CriticalFailedTests);
    }

    [Fact]
    public void A_failed_critical_test_is_no_reason_when_the_rule_is_off()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { RollBackOnCriticalFailure = false });

        var decision = policy.Decide(Input([Failed("Login_works", critical: true), .. Many(9, TestOutcome.Passed, "other")]));

        Assert.False(decision.RollBack);
    }

    [Fact]
    public void Exactly_twenty_percent_failed_keeps_the_release()
    {
        var decision = Defaults.Decide(Input([.. Many(1, TestOutcome.Failed, "bad"), .. Many(4, TestOutcome.Passed, "good")]));

        Assert.False(decision.RollBack);
        Assert.Equal(20.0m, decision.Inputs.FailedPercent);
    }

    [Fact]
    public void Just_over_twenty_percent_failed_rolls_back_with_the_numbers()
    {
        var decision = Defaults.Decide(Input([.. Many(201, TestOutcome.Failed, "bad"), .. Many(799, TestOutcome.Passed, "good")]));

        var rule = Assert.Single(decision.FiredRules);
        Assert.Equal(RollbackRule.FailureRateExceeded, rule.Rule);
        Assert.Equal(
            "201 of 1000 tests failed (20.1%), more than the 20% allowed",
            rule.Reason);
        Assert.Equal(201, rule.Tests.Count);
    }

    [Fact]
    public void Skipped_tests_are_not_part_of_the_failure_rate()
    {
        // 1 failed of 4 that ran is 25%; counting the 6 skipped would make it 10%.
        var decision = Defaults.Decide(Input([.. Many(1, TestOutcome.Failed, "bad"), .. Many(3, TestOutcome.Passed, "good"), .. Many(6, TestOutcome.Skipped, "skipped")]));

        Assert.Equal(RollbackRule.FailureRateExceeded, Assert.Single(decision.FiredRules).Rule);
        Assert.Equal((10, 3, 1, 6, 25.0m), (decision.Inputs.Total, decision.Inputs.Passed, decision.Inputs.Failed, decision.Inputs.Skipped, decision.Inputs.FailedPercent));
    }

    [Theory]
    [InlineData(50, 5, false)]
    [InlineData(50, 6, true)]
    [InlineData(0, 1, true)]
    [InlineData(100, 10, false)]
    public void The_failure_threshold_is_configurable(int thresholdPercent, int failedOfTen, bool rollsBack)
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { FailedPercentThreshold = thresholdPercent });

        var decision = policy.Decide(Input([.. Many(failedOfTen, TestOutcome.Failed, "bad"), .. Many(10 - failedOfTen, TestOutcome.Passed, "good")]));

        Assert.Equal(rollsBack, decision.RollBack);
    }

    [Fact]
    public void A_run_where_nothing_ran_fires_no_rate_rule()
    {
        var decision = Defaults.Decide(Input(Skipped("a"), Skipped("b")));

        Assert.False(decision.RollBack);
        Assert.Equal(0m, decision.Inputs.FailedPercent);
    }

    [Fact]
    public void A_failed_database_test_rolls_back_whatever_its_case()
    {
        var decision = Defaults.Decide(Input([Failed("Jsonb_round_trip", "Database"), .. Many(9, TestOutcome.Passed, "other")]));

        var rule = Assert.Single(decision.FiredRules);
        Assert.Equal(RollbackRule.CategoryTestFailed, rule.Rule);
        Assert.Equal("database", rule.Category);
        Assert.Equal("1 test in the \"database\" category failed: Checks.Jsonb_round_trip", rule.Reason);
    }

    [Fact]
    public void Rollback_categories_are_configurable()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { RollbackCategories = ["payments", "eventbus"] });

        var decision = policy.Decide(Input([Failed("Db", "database"), Failed("Publish", "eventbus"), .. Many(8, TestOutcome.Passed, "other")]));

        var rule = Assert.Single(decision.FiredRules);
        Assert.Equal(("eventbus", "1 test in the \"eventbus\" category failed: Checks.Publish"), (rule.Category, rule.Reason));
    }

    [Fact]
    public void Essential_categories_are_off_by_default()
    {
        var decision = Defaults.Decide(Input([Failed("Publish", "eventbus"), .. Many(9, TestOutcome.Passed, "other")]));

        Assert.False(decision.RollBack);
    }

    [Fact]
    public void Every_test_of_an_essential_category_failing_rolls_back()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { EssentialCategories = ["eventbus"] });

        var decision = policy.Decide(Input([
            Failed("Publish", "eventbus"), Failed("Consume", "eventbus"), Skipped("Ttl", "eventbus"),
            .. Many(20, TestOutcome.Passed, "other")]));

        var rule = Assert.Single(decision.FiredRules);
        Assert.Equal(RollbackRule.EssentialCategoryFailed, rule.Rule);
        Assert.Equal("every test in the essential category \"eventbus\" failed (2 of 2): Checks.Publish, Checks.Consume", rule.Reason);
    }

    [Fact]
    public void One_passing_test_keeps_an_essential_category_alive()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { EssentialCategories = ["eventbus"] });

        var decision = policy.Decide(Input([Failed("Publish", "eventbus"), Passed("Consume", "eventbus"), .. Many(20, TestOutcome.Passed, "other")]));

        Assert.False(decision.RollBack);
    }

    [Fact]
    public void An_essential_category_whose_tests_were_all_skipped_is_no_reason()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { EssentialCategories = ["eventbus"] });

        var decision = policy.Decide(Input(Skipped("Publish", "eventbus"), Passed("Other")));

        Assert.False(decision.RollBack);
    }

    [Fact]
    public void A_critical_service_that_never_became_ready_rolls_back_with_its_detail()
    {
        var input = Input(Passed("a")) with
        {
            Services =
            [
                new ServiceReadinessOutcome("postgres", IsCritical: true, BecameReady: true),
                new ServiceReadinessOutcome("api", IsCritical: true, BecameReady: false)
                {
                    Detail = "HTTP 503 from 127.0.0.1:49153/healthz/ready",
                    Elapsed = TimeSpan.FromSeconds(60),
                },
            ],
        };

        var decision = Defaults.Decide(input);

        var rule = Assert.Single(decision.FiredRules);
        Assert.Equal((RollbackRule.ServiceNotReady, "api"), (rule.Rule, rule.Service));
        Assert.Equal("critical service \"api\" never became ready within 60s: HTTP 503 from 127.0.0.1:49153/healthz/ready", rule.Reason);
        Assert.Equal("api", Assert.Single(decision.Inputs.ServicesNotReady).Service);
    }

    [Fact]
    public void A_non_critical_service_that_never_became_ready_is_reported_but_keeps_the_release()
    {
        var input = Input(Passed("a")) with { Services = [new ServiceReadinessOutcome("generator-stub", IsCritical: false, BecameReady: false)] };

        var decision = Defaults.Decide(input);

        Assert.False(decision.RollBack);
        Assert.Equal("generator-stub", Assert.Single(decision.Inputs.ServicesNotReady).Service);
    }

    [Fact]
    public void A_budget_overrun_is_reported_but_is_a_reason_only_when_enabled()
    {
        var input = Input(Passed("a")) with { BudgetOverruns = [new SuiteBudgetOverrun("Smoke.Database.Tests", TimeSpan.FromSeconds(75), TimeSpan.FromSeconds(60))] };

        var byDefault = Defaults.Decide(input);
        var enabled = new RollbackPolicy(new RollbackPolicyOptions { RollBackOnBudgetOverrun = true }).Decide(input);

        Assert.False(byDefault.RollBack);
        Assert.Single(byDefault.Inputs.BudgetOverruns);
        var rule = Assert.Single(enabled.FiredRules);
        Assert.Equal((RollbackRule.BudgetExceeded, "Smoke.Database.Tests"), (rule.Rule, rule.Suite));
        Assert.Equal("suite \"Smoke.Database.Tests\" took 75s, over its maximum of 60s", rule.Reason);
    }

    [Fact]
    public void Tests_that_passed_on_retry_are_flaky_not_failed()
    {
        var decision = Defaults.Decide(Input(Flaky("Login_works", "database", critical: true), Flaky("Other"), Passed("Third")));

        Assert.False(decision.RollBack);
        Assert.Equal(0, decision.Inputs.Failed);
        Assert.Equal(["Smoke.Platform.Tests.Checks.Login_works", "Smoke.Platform.Tests.Checks.Other"], decision.Inputs.FlakyTests);
        Assert.Equal("keep the release: no rollback rule fired (3 tests, 0 failed, 0 skipped, 2 flaky)", decision.Summary);
    }

    [Fact]
    public void Every_rule_that_fires_is_listed_in_order_with_its_own_reason()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { EssentialCategories = ["database"], RollBackOnBudgetOverrun = true });
        var input = Input(Failed("Connects", "database", critical: true), Failed("Jsonb", "database"), Passed("Api"), Failed("Queue")) with
        {
            Services = [new ServiceReadinessOutcome("worker", IsCritical: true, BecameReady: false)],
            BudgetOverruns = [new SuiteBudgetOverrun("SmokeTests", TimeSpan.FromMinutes(5.5), TimeSpan.FromMinutes(5))],
        };

        var decision = policy.Decide(input);

        Assert.True(decision.RollBack);
        Assert.Equal(
            [RollbackRule.ServiceNotReady, RollbackRule.CriticalTestFailed, RollbackRule.CategoryTestFailed, RollbackRule.EssentialCategoryFailed, RollbackRule.FailureRateExceeded, RollbackRule.BudgetExceeded],
            decision.FiredRules.Select(rule => rule.Rule));
        Assert.Equal("3 of 4 tests failed (75%), more than the 20% allowed", decision.FiredRules[4].Reason);
        Assert.Equal("suite \"SmokeTests\" took 5m 30s, over its maximum of 5m", decision.FiredRules[5].Reason);
        Assert.StartsWith("roll back: critical service \"worker\" never became ready; 1 critical test failed: Checks.Connects; ", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_list_of_tests_is_cut_short_in_the_sentence_but_complete_in_the_rule()
    {
        var decision = Defaults.Decide(Input([.. Many(8, TestOutcome.Failed, "Db").Select(test => test with { Traits = new Dictionary<string, IReadOnlyList<string>> { ["Category"] = ["database"] } })]));

        var rule = decision.FiredRules.Single(fired => fired.Rule == RollbackRule.CategoryTestFailed);
        Assert.EndsWith("Checks.Db_5 and 3 more", rule.Reason, StringComparison.Ordinal);
        Assert.Equal(8, rule.Tests.Count);
    }

    [Fact]
    public void The_decision_round_trips_through_json_with_rules_as_names()
    {
        var policy = new RollbackPolicy(new RollbackPolicyOptions { EssentialCategories = ["eventbus"] });
        var decision = policy.Decide(Input(Failed("Connects", "database", critical: true), Flaky("Publish", "eventbus"), Passed("Api")) with
        {
            Services = [new ServiceReadinessOutcome("api", true, false) { Detail = "connection refused", Elapsed = TimeSpan.FromSeconds(3) }],
        });

        var json = JsonSerializer.Serialize(decision, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<RollbackDecision>(json, JsonSerializerOptions.Web)!;

        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("rollBack").GetBoolean());
        Assert.Equal("ServiceNotReady", document.RootElement.GetProperty("firedRules")[0].GetProperty("rule").GetString());
        Assert.Equal(decision.Summary, document.RootElement.GetProperty("summary").GetString());
        Assert.Equal(20m, document.RootElement.GetProperty("options").GetProperty("failedPercentThreshold").GetDecimal());
        Assert.Equal(decision.FiredRules.Select(rule => (rule.Rule, rule.Reason)), back.FiredRules.Select(rule => (rule.Rule, rule.Reason)));
        Assert.Equal(decision.Inputs.FlakyTests, back.Inputs.FlakyTests);
        Assert.Equal(decision.Inputs.ServicesNotReady, back.Inputs.ServicesNotReady);
        Assert.Equal(decision.Options.EssentialCategories, back.Options.EssentialCategories);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void A_threshold_outside_zero_to_a_hundred_is_refused_with_its_name(double threshold)
    {
        var error = Assert.Throws<ArgumentException>(() => new RollbackPolicy(new RollbackPolicyOptions { FailedPercentThreshold = (decimal)threshold }));

        Assert.Contains("FailedPercentThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_category_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new RollbackPolicy(new RollbackPolicyOptions { EssentialCategories = [" "] }));

        Assert.Contains("EssentialCategories contains an empty category name", error.Message, StringComparison.Ordinal);
    }

    private static RollbackPolicyInput Input(params TestCase[] tests) => new(tests);
}
