using Smoke.Testing.Running;

namespace Smoke.Testing.Quality;

/// <summary>Holds a smoke run's projects and the run as a whole to their time budgets.</summary>
public static class SuiteBudgetCheck
{
    /// <summary>
    /// Judges each project's time (all its attempts, after the build) and the whole run's (build included). Of several
    /// runs (<c>--repeat</c>), each suite is judged by its slowest run: a budget is for one pass of the suite.
    /// </summary>
    /// <param name="totalName">What the whole run is called in the report, e.g. the target's name <c>SmokeTests</c>.</param>
    public static BudgetReport Evaluate(IReadOnlyList<SmokeRunResult> runs, SuiteBudgets budgets, string totalName = "SmokeTests")
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(budgets);
        var projects = runs
            .SelectMany(run => run.Projects)
            .GroupBy(project => project.Name, StringComparer.Ordinal)
            .Select(project => new SuiteTiming(project.Key, project.Max(p => p.Duration), budgets.For(project.Key)));
        var total = runs.Count == 0 ? [] : new[] { new SuiteTiming(totalName, runs.Max(run => run.Duration), budgets.Total) };
        return new BudgetReport([.. projects, .. total]);
    }
}
