namespace Smoke.Testing.Quality;

/// <summary>Where a suite's time fell against its budget.</summary>
public enum BudgetStatus
{
    WithinTarget,

    /// <summary>Over the target, within the maximum: a warning.</summary>
    OverTarget,

    /// <summary>Over the maximum: the run fails.</summary>
    OverMaximum,
}
