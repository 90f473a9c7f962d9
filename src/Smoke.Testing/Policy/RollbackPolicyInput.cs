using Smoke.Testing.Results;

namespace Smoke.Testing.Policy;

/// <summary>What a smoke run produced that the policy judges.</summary>
public sealed record RollbackPolicyInput(IReadOnlyList<TestCase> Tests)
{
    public IReadOnlyList<ServiceReadinessOutcome> Services { get; init; } = [];

    /// <summary>Suites over their maximum; they matter only when <see cref="RollbackPolicyOptions.RollBackOnBudgetOverrun"/> is on.</summary>
    public IReadOnlyList<SuiteBudgetOverrun> BudgetOverruns { get; init; } = [];

    public static RollbackPolicyInput FromSuites(IEnumerable<TestSuiteResult> suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        return new RollbackPolicyInput(suites.SelectMany(suite => suite.Tests).ToList());
    }
}
