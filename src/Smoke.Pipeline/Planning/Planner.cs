namespace Smoke.Pipeline;

/// <summary>
/// Plans the invoked targets plus their transitive dependencies and triggers, ordered by every edge
/// (After/Before order without pulling in); among targets that are free to go, background targets come first, so they
/// start as early as they can, then declaration order wins.
/// </summary>
internal static class Planner
{
    public static IReadOnlyList<PlannedTarget> Plan(IReadOnlyList<TargetNode> invoked)
    {
        var required = Closure(invoked, n => n.Dependencies);
        var planned = Closure(invoked, n => n.Dependencies.Concat(n.Triggers));

        var order = new List<TargetNode>();
        var remaining = planned.OrderBy(n => n.Index).ToList();
        var done = new HashSet<TargetNode>();
        bool IsFree(TargetNode node) => node.Predecessors.All(p => done.Contains(p) || !planned.Contains(p));
        while (remaining.Count > 0)
        {
            var next = remaining.FirstOrDefault(n => n.Definition.RunsInBackground && IsFree(n))
                ?? remaining.First(IsFree);
            remaining.Remove(next);
            done.Add(next);
            order.Add(next);
        }

        return
        [
            .. order.Select((node, position) => new PlannedTarget(
                node,
                position,
                invoked.Contains(node),
                !required.Contains(node) && node.TriggeredBy.Any(planned.Contains))),
        ];
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
