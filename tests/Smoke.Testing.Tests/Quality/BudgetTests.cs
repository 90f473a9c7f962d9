using Smoke.Testing.Policy;
using Smoke.Testing.Quality;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Quality;

/// <summary>
/// Budgets against a real run of a suite that sleeps 6 s beside a fast one. Every budget is either well under 6 s
/// (it must trip, however fast the machine) or many minutes (it must not, however slow).
/// </summary>
[Collection(QualityFixtureRunsCollection.Name)]
public sealed class BudgetTests(QualityFixtureRuns fixtures)
{
    private static readonly SuiteBudget Generous = new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20));

    private BudgetReport Evaluate(SuiteBudgets budgets) => SuiteBudgetCheck.Evaluate([fixtures.BudgetRun], budgets);

    [Fact]
    public void A_suite_over_its_maximum_fails_the_run_naming_it_its_time_and_its_budget_and_its_sibling_stays_within()
    {
        var report = Evaluate(new SuiteBudgets(Generous, Generous)
        {
            PerProject = new Dictionary<string, SuiteBudget> { ["fixture.sleeping"] = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)) },
        });

        Assert.False(report.Passed);
        var sleeping = report.Timings.Single(timing => timing.Suite == "Fixture.Sleeping");
        Assert.Equal(BudgetStatus.OverMaximum, sleeping.Status);
        Assert.True(sleeping.Elapsed >= TimeSpan.FromSeconds(6));
        Assert.Equal(BudgetStatus.WithinTarget, report.Timings.Single(timing => timing.Suite == "Fixture.Covered.Tests").Status);
        Assert.Equal(BudgetStatus.WithinTarget, report.Timings.Single(timing => timing.Suite == "SmokeTests").Status);

        var overrun = Assert.Single(report.Overruns);
        Assert.Equal("Fixture.Sleeping", overrun.Suite);
        Assert.Equal(TimeSpan.FromSeconds(3), overrun.Maximum);
        Assert.Matches(@"^time budget exceeded: Fixture\.Sleeping took \d+(\.\d)?s, over its maximum of 3s \(budget 1s/3s\)\.", report.FailureMessage);
    }

    [Fact]
    public void A_suite_over_its_target_but_within_its_maximum_is_a_warning_only()
    {
        var report = Evaluate(new SuiteBudgets(Generous, Generous)
        {
            PerProject = new Dictionary<string, SuiteBudget> { ["Fixture.Sleeping"] = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(20)) },
        });

        Assert.True(report.Passed);
        Assert.Null(report.FailureMessage);
        Assert.Empty(report.Overruns);
        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("Fixture.Sleeping took ", warning, StringComparison.Ordinal);
        Assert.EndsWith(", over its target of 2s (budget 2s/20m)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void The_whole_run_has_its_own_budget_and_build_time_counts_toward_it()
    {
        var report = Evaluate(new SuiteBudgets(Generous, new SuiteBudget(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4))));

        var overrun = Assert.Single(report.Overruns);
        Assert.Equal("SmokeTests", overrun.Suite);
        Assert.True(overrun.Elapsed >= fixtures.BudgetRun.Projects.Max(project => project.Duration));
    }

    [Fact]
    public void Overruns_reach_the_rollback_policy_which_counts_them_only_when_told_to()
    {
        var report = Evaluate(new SuiteBudgets(new SuiteBudget(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), Generous));
        var run = fixtures.BudgetRun with { BudgetOverruns = report.Overruns };

        var lenient = new RollbackPolicy().Decide(run.ToPolicyInput());
        var strict = new RollbackPolicy(new RollbackPolicyOptions { RollBackOnBudgetOverrun = true }).Decide(run.ToPolicyInput());

        Assert.False(lenient.RollBack);
        Assert.True(strict.RollBack);
        Assert.Contains(strict.FiredRules, rule => rule.Suite == "Fixture.Sleeping");
    }
}
