using Smoke.Testing.Policy;

namespace Smoke.Testing.Quality;

/// <summary>Every suite of a smoke run against its time budget: the projects first, the whole run last.</summary>
public sealed record BudgetReport(IReadOnlyList<SuiteTiming> Timings)
{
    public bool Passed => Timings.All(timing => timing.Status != BudgetStatus.OverMaximum);

    /// <summary>One sentence per suite over its target or maximum, with its time and budget, for the summary's warnings.</summary>
    public IReadOnlyList<string> Warnings => Timings.Where(timing => timing.Status != BudgetStatus.WithinTarget).Select(timing => timing.Describe()).ToList();

    /// <summary>The suites over their maximum, as the rollback policy takes them (a reason only with RollBackOnBudgetOverrun).</summary>
    public IReadOnlyList<SuiteBudgetOverrun> Overruns =>
        Timings.Where(timing => timing.Status == BudgetStatus.OverMaximum)
            .Select(timing => new SuiteBudgetOverrun(timing.Suite, timing.Elapsed, timing.Budget.Maximum))
            .ToList();

    /// <summary>Why the run fails on time, naming each suite over its maximum; null when none is.</summary>
    public string? FailureMessage =>
        Passed
            ? null
            : $"time budget exceeded: {string.Join("; ", Timings.Where(timing => timing.Status == BudgetStatus.OverMaximum).Select(timing => timing.Describe()))}. "
              + "Find what got slower (the per-test times are in artifacts/smoke/summary.md), or raise the budget with SuiteBudgets in .nuke/parameters.json (docs/quality-gates.md)";
}
