namespace Smoke.Testing.Policy;

/// <summary>
/// When a smoke run rolls a release back. The defaults are what our users run with
/// (docs/rollback-policy.md explains each).
/// </summary>
public sealed record RollbackPolicyOptions
{
    /// <summary>Roll back when any test with the trait <c>Critical=true</c> fails.</summary>
    public bool RollBackOnCriticalFailure { get; init; } = true;

    /// <summary>
    /// Roll back when more than this percentage of the tests that ran (passed or failed; skipped ones
    /// do not count) failed. 0 rolls back on any failure; 100 turns the rule off.
    /// </summary>
    public decimal FailedPercentThreshold { get; init; } = 20m;

    /// <summary>Roll back when any test in one of these categories fails (compared without regard to case).</summary>
    public IReadOnlyList<string> RollbackCategories { get; init; } = ["database"];

    /// <summary>Roll back when every test that ran in one of these categories failed.</summary>
    public IReadOnlyList<string> EssentialCategories { get; init; } = [];

    /// <summary>Roll back when a critical service never became ready. Non-critical services are reported, never a reason.</summary>
    public bool RollBackOnServiceNotReady { get; init; } = true;

    /// <summary>Roll back when a suite ran past its maximum time budget. Off by default: a slow run is not a broken release.</summary>
    public bool RollBackOnBudgetOverrun { get; init; }

    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public RollbackPolicyOptions Validate()
    {
        if (FailedPercentThreshold is < 0m or > 100m)
        {
            throw new ArgumentException(
                $"rollback policy: FailedPercentThreshold is {FailedPercentThreshold}, it must be between 0 (any failure rolls back) and 100 (rule off)",
                nameof(FailedPercentThreshold));
        }

        foreach (var (name, categories) in new[] { (nameof(RollbackCategories), RollbackCategories), (nameof(EssentialCategories), EssentialCategories) })
        {
            if (categories.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"rollback policy: {name} contains an empty category name; remove it or name the category", name);
            }
        }

        return this;
    }
}
