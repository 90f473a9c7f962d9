namespace Smoke.Pipeline;

/// <summary>Whether a planned target runs, decided at its turn from what happened to the targets it waits for.</summary>
internal sealed partial class Executor
{
    private TargetOutcome? Decide(PlannedTarget target, IReadOnlyList<PlannedTarget> plan, CancellationToken interrupted, CancellationToken aborted)
    {
        if (target.SkipReason is { } reason)
        {
            return Outcome(target, TargetStatus.Skipped, reason);
        }

        var planned = plan.Select(p => p.Node).ToHashSet();
        lock (gate)
        {
            var triggers = target.Node.TriggeredBy.Where(planned.Contains).ToList();
            return target.Node.Definition.IsAssured
                ? DecideAssured(target, triggers, aborted)
                : DecideOrdinary(target, planned, triggers, interrupted);
        }
    }

    private TargetOutcome? DecideAssured(PlannedTarget target, List<TargetNode> triggers, CancellationToken aborted)
    {
        if (aborted.IsCancellationRequested)
        {
            return Outcome(target, TargetStatus.NotRun, "build was aborted");
        }

        // Clean-up triggered by a target must follow that target even when it failed.
        return target.IsTriggeredOnly && triggers.All(t => outcomes[t].Status is TargetStatus.Skipped or TargetStatus.NotRun)
            ? Outcome(target, TargetStatus.Skipped, $"{Join(triggers)} did not run")
            : null;
    }

    private TargetOutcome? DecideOrdinary(PlannedTarget target, HashSet<TargetNode> planned, List<TargetNode> triggers, CancellationToken interrupted)
    {
        if (interrupted.IsCancellationRequested)
        {
            return Outcome(target, TargetStatus.NotRun, "build was interrupted");
        }

        if (target.Node.Dependencies.Where(planned.Contains).FirstOrDefault(HoldsBack) is { } dependency)
        {
            return Outcome(target, TargetStatus.NotRun, $"dependency {dependency.Name} {Describe(outcomes[dependency].Status)}");
        }

        if (stoppedBy is not null)
        {
            return Outcome(target, TargetStatus.NotRun, $"build stopped after {stoppedBy} failed");
        }

        if (target.IsTriggeredOnly && !triggers.Any(Ran))
        {
            return triggers.FirstOrDefault(t => outcomes[t].Status != TargetStatus.Skipped) is { } unsuccessful
                ? Outcome(target, TargetStatus.NotRun, $"trigger {unsuccessful.Name} {Describe(outcomes[unsuccessful].Status)}")
                : Outcome(target, TargetStatus.Skipped, $"triggered by {Join(triggers)}, which was skipped");
        }

        return null;
    }

    /// <summary>A dependency that failed with ProceedAfterFailure does not hold its dependents back, as in NUKE.</summary>
    private bool HoldsBack(TargetNode dependency) => outcomes[dependency].Status switch
    {
        TargetStatus.Failed => !dependency.Definition.ProceedsAfterFailure,
        TargetStatus.NotRun or TargetStatus.Cancelled => true,
        _ => false,
    };

    /// <summary>A trigger ran when it succeeded, was collective, or failed with ProceedAfterFailure.</summary>
    private bool Ran(TargetNode trigger) => outcomes[trigger].Status switch
    {
        TargetStatus.Succeeded or TargetStatus.Collective => true,
        TargetStatus.Failed => trigger.Definition.ProceedsAfterFailure,
        _ => false,
    };

    private static TargetOutcome Outcome(PlannedTarget target, TargetStatus status, string note) => new(target.Name, status, TimeSpan.Zero, note);

    private static string Describe(TargetStatus status) => status switch
    {
        TargetStatus.Failed => "failed",
        TargetStatus.Cancelled => "was cancelled",
        TargetStatus.Skipped => "was skipped",
        _ => "did not run",
    };

    private static string Join(IEnumerable<TargetNode> targets) => string.Join(" and ", targets.Select(t => t.Name));
}
