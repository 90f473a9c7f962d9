namespace Smoke.Pipeline;

/// <summary>
/// Decides, before anything runs, which planned targets are skipped, as NUKE does:
/// <list type="bullet">
/// <item><c>--skip A B</c> skips the named targets; a bare <c>--skip</c> skips every target that was not invoked (with no
/// target named, that is every target, the default one included). An invoked target is never skipped by <c>--skip</c>.</item>
/// <item>A false OnlyWhenStatic skips its target; the note names every false condition. An invoked target is skipped too,
/// but its dependencies still run.</item>
/// <item>Skipping a target that was not invoked also skips its dependencies and the targets it triggers when no other
/// planned target still needs them, unless it declares <c>WhenSkipped(DependencyBehavior.Execute)</c>.</item>
/// </list>
/// </summary>
internal static class SkipRules
{
    private const string ViaSkip = "via --skip";

    /// <param name="plan">The plan, in order.</param>
    /// <param name="skipped">The targets <c>--skip</c> names: null without <c>--skip</c>, empty for a bare <c>--skip</c>.</param>
    public static void Apply(IReadOnlyList<PlannedTarget> plan, IReadOnlyList<TargetNode>? skipped)
    {
        if (skipped is not null)
        {
            foreach (var target in plan.Where(t => skipped.Count == 0 || skipped.Contains(t.Node)))
            {
                Skip(plan, target, ViaSkip);
            }
        }

        foreach (var target in plan.Where(t => t.SkipReason is null))
        {
            if (FalseConditions(target) is not { Count: > 0 } conditions)
            {
                continue;
            }

            var reason = $"condition false: {string.Join(" && ", conditions)}";
            if (target.IsInvoked)
            {
                target.SkipReason = reason;
            }
            else
            {
                Skip(plan, target, reason);
            }
        }
    }

    private static void Skip(IReadOnlyList<PlannedTarget> plan, PlannedTarget target, string reason)
    {
        if (target.IsInvoked || target.SkipReason is not null)
        {
            return;
        }

        target.SkipReason = reason;
        if (target.Node.Definition.DependencyBehavior == DependencyBehavior.Execute)
        {
            return;
        }

        var unneeded = target.Node.Dependencies.Select(d => (Node: d, Reason: $"needed only by {target.Name}, which is skipped"))
            .Concat(target.Node.Triggers.Select(t => (Node: t, Reason: $"triggered by {target.Name}, which is skipped")))
            .Select(n => (Target: plan.FirstOrDefault(p => p.Node == n.Node), n.Reason))
            .Where(n => n.Target is not null && !IsStillNeeded(plan, n.Target.Node))
            .ToList();
        foreach (var (dependency, because) in unneeded)
        {
            Skip(plan, dependency!, because);
        }
    }

    private static bool IsStillNeeded(IReadOnlyList<PlannedTarget> plan, TargetNode node) =>
        plan.Any(p => p.NeedsItsDependencies && (p.Node.Dependencies.Contains(node) || p.Node.Triggers.Contains(node)));

    private static List<string> FalseConditions(PlannedTarget target)
    {
        var texts = new List<string>();
        foreach (var condition in target.Node.Definition.StaticConditions)
        {
            bool holds;
            try
            {
                holds = condition.Evaluate();
            }
#pragma warning disable CA1031 // Reported as invalid configuration before anything runs.
            catch (Exception e)
#pragma warning restore CA1031
            {
                throw new UsageException($"OnlyWhenStatic({condition.Text}) of target '{target.Name}' threw {e.GetType().Name}: {e.Message}", e);
            }

            if (!holds)
            {
                texts.Add(condition.Text);
            }
        }

        return texts;
    }
}
