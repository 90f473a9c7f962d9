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
                ?? remaining.FirstOrDefault(IsFree)
                ?? throw new UsageException(DescribeCycle(remaining, planned));
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

    private static string DescribeCycle(List<TargetNode> stuck, HashSet<TargetNode> planned)
    {
        // Every stuck target waits for another stuck one, so walking "waits for" edges must come back on itself.
        var path = new List<TargetNode>();
        var node = stuck[0];
        while (!path.Contains(node))
        {
            path.Add(node);
            node = node.Predecessors.First(p => planned.Contains(p) && stuck.Contains(p));
        }

        var cycle = path.Skip(path.IndexOf(node)).ToList();
        var first = cycle.IndexOf(cycle.MinBy(n => n.Index)!);
        cycle = [.. cycle.Skip(first), .. cycle.Take(first)];
        var names = string.Join(" -> ", cycle.Append(cycle[0]).Select(n => n.Name));
        return $"Targets form a cycle: {names} (each must run after the next). Remove one of the DependsOn/DependentFor/After/Before/Triggers edges between them.";
    }
}
