namespace Smoke.Testing.Quality;

/// <summary>One suite's time against its budget.</summary>
/// <param name="Suite">A project name, or the whole run's name (the target, <c>SmokeTests</c>).</param>
/// <param name="Elapsed">Its time; of a repeated run, the slowest run's.</param>
public sealed record SuiteTiming(string Suite, TimeSpan Elapsed, SuiteBudget Budget)
{
    public BudgetStatus Status =>
        Elapsed > Budget.Maximum ? BudgetStatus.OverMaximum : Elapsed > Budget.Target ? BudgetStatus.OverTarget : BudgetStatus.WithinTarget;

    /// <summary>e.g. <c>SmokeTests.Database took 71.2s, over its maximum of 60s (budget 30s/60s)</c>.</summary>
    public string Describe() => Status switch
    {
        BudgetStatus.OverMaximum => $"{Suite} took {Time(Elapsed)}, over its maximum of {SuiteBudget.Describe(Budget.Maximum)} (budget {Budget})",
        BudgetStatus.OverTarget => $"{Suite} took {Time(Elapsed)}, over its target of {SuiteBudget.Describe(Budget.Target)} (budget {Budget})",
        _ => $"{Suite} took {Time(Elapsed)}, within its target (budget {Budget})",
    };

    private static string Time(TimeSpan elapsed) => SuiteBudget.Describe(TimeSpan.FromSeconds(Math.Round(elapsed.TotalSeconds, 1)));
}
