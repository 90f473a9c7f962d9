using Smoke.Testing.Policy;
using Smoke.Testing.Results;
using Smoke.Testing.Tests.Results;

namespace Smoke.Testing.Tests.Policy;

public sealed class PolicyOnJUnitResultsTests
{
    [Fact]
    public async Task Results_read_from_junit_decide_a_rollback_with_retries_and_traits_taken_into_account()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(JUnitFiles.FromOurLogger));
        var suites = await JUnitReader.ReadAsync(stream, "Smoke.Database.Tests.junit.xml", CancellationToken.None);

        var decision = new RollbackPolicy().Decide(RollbackPolicyInput.FromSuites(suites));

        Assert.True(decision.RollBack);
        Assert.Equal(
            [RollbackRule.CriticalTestFailed, RollbackRule.CategoryTestFailed, RollbackRule.FailureRateExceeded],
            decision.FiredRules.Select(rule => rule.Rule));
        Assert.Equal("1 critical test failed: Transactions.Rollback_discards_the_insert", decision.FiredRules[0].Reason);
        Assert.Equal(
            "2 tests in the \"database\" category failed: Transactions.Rollback_discards_the_insert, Jsonb.Round_trips_a_document",
            decision.FiredRules[1].Reason);
        Assert.Equal("3 of 5 tests failed (60%), more than the 20% allowed", decision.FiredRules[2].Reason);
        Assert.Equal(["Smoke.Database.Tests.Pooling.Pool_reuses_connections(size: 4)"], decision.Inputs.FlakyTests);
    }
}
