namespace Smoke.Pipeline;

/// <summary>
/// Plans the invoked targets (or, when none is named, the default ones) plus their transitive dependencies and triggers,
/// in NUKE's order; then each background target moves up to just after the last target it must wait for, so it starts as
/// early as it can.
/// </summary>
internal static class Planner
{
    /// <param name="targets">Every declared target, free of cycles (<see cref="Cycles"/>).</param>
    /// <param name="invoked">The targets named on the command line; none means <paramref name="defaults"/>.</param>
    /// <param name="defaults">The default targets, which are planned but, as in NUKE, not invoked.</param>
    public static IReadOnlyList<PlannedTarget> Plan(IReadOnlyList<TargetNode> targets, IReadOnlyList<TargetNode> invoked, IReadOnlyList<TargetNode> defaults)
    {
        var roots = invoked.Count > 0 ? invoked : defaults;
        var required = Closure(roots, n => n.Dependencies);
        var planned = Closure(roots, n => n.Dependencies.Concat(n.Triggers));
        var order = StartBackgroundEarly([.. NukeOrder(targets).Where(planned.Contains)]);
        return
        [
            .. order.Select((node, position) => new PlannedTarget(node, position)
            {
                IsInvoked = invoked.Contains(node),
                IsDefault = invoked.Count == 0 && defaults.Contains(node),
                IsTriggeredOnly = !required.Contains(node) && node.TriggeredBy.Any(planned.Contains),
            }),
        ];
    }

    /// <summary>
    /// NUKE's order over all declared targets: the list is built from its end, each time taking the first-declared target
    /// that no remaining target must wait for. Unordered targets therefore run last-declared first.
    /// </summary>
    private static List<TargetNode> NukeOrder(IReadOnlyList<TargetNode> targets)
    {
        var remaining = targets.OrderBy(n => n.Index).ToList();
        var backwards = new List<TargetNode>();
        while (remaining.Count > 0)
        {
            var last = remaining.First(n => !remaining.Any(other => other.Predecessors.Contains(n)));
            remaining.Remove(last);
            backwards.Add(last);
        }

        backwards.Reverse();
        return backwards;
    }

    /// <summary>Background targets keep their order among themselves.</summary>
    private static List<TargetNode> StartBackgroundEarly(List<TargetNode> order)
    {
        var earliest = 0;
        foreach (var target in order.Where(n => n.Definition.RunsInBackground).ToList())
        {
            order.Remove(target);
            var position = Math.Max(earliest, order.FindLastIndex(n => target.Predecessors.Contains(n)) + 1);
            order.Insert(position, target);
            earliest = position + 1;
        }

        return order;
    }

    private static HashSet<TargetNode> Closure(IEnumerable<TargetNode> roots, Func<TargetNode, IEnumerable<TargetNode>> edges)
    {
        var seen = new HashSet<TargetNode>();
        var pending = new Stack<TargetNode>(roots);
        while (pending.TryPop(out var node))
        {
            if (seen.Add(node))
            {
                foreach (var next in edges(node))
                {
                    pending.Push(next);
                }
            }
        }

        return seen;
    }
}
