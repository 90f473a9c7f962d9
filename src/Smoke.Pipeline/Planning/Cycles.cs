namespace Smoke.Pipeline;

/// <summary>
/// Rejects a cycle anywhere among the build's declared targets, planned or not, and whatever edges make it (DependsOn,
/// DependentFor, After, Before, Triggers), as NUKE does: such a build has no order to run in.
/// </summary>
internal static class Cycles
{
    public static void Reject(IReadOnlyList<TargetNode> targets)
    {
        var visited = new HashSet<TargetNode>();
        var path = new List<TargetNode>();

        void Visit(TargetNode node)
        {
            if (path.Contains(node))
            {
                throw new UsageException(Describe(path[path.IndexOf(node)..]));
            }

            if (!visited.Add(node))
            {
                return;
            }

            path.Add(node);
            foreach (var predecessor in node.Predecessors)
            {
                Visit(predecessor);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var target in targets)
        {
            Visit(target);
        }
    }

    /// <summary>The cycle named from its first-declared target, each target followed by one it must run after.</summary>
    private static string Describe(List<TargetNode> cycle)
    {
        var first = cycle.IndexOf(cycle.MinBy(n => n.Index)!);
        List<TargetNode> rotated = [.. cycle.Skip(first), .. cycle.Take(first)];
        var names = string.Join(" -> ", rotated.Append(rotated[0]).Select(n => n.Name));
        return $"Targets form a cycle: {names} (each must run after the next). Remove one of the DependsOn/DependentFor/After/Before/Triggers edges between them.";
    }
}
