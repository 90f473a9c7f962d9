using System.Text;

namespace Smoke.Pipeline;

/// <summary><c>--plan</c>: the ordered plan on the console, and a Mermaid graph of it for a pull request or a wiki.</summary>
internal static class PlanDocument
{
    public static IEnumerable<string> Lines(IReadOnlyList<PlannedTarget> plan)
    {
        yield return $"Plan ({plan.Count} {(plan.Count == 1 ? "target" : "targets")}, in order):";
        var width = plan.Select(p => p.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var target in plan)
        {
            var notes = new List<string>();
            if (target.IsInvoked || target.IsDefault)
            {
                notes.Add(target.IsInvoked ? "invoked" : "default");
            }

            if (target.IsTriggeredOnly)
            {
                notes.Add($"triggered by {string.Join(", ", target.Node.TriggeredBy.Where(t => plan.Any(p => p.Node == t)))}");
            }

            if (target.Node.Definition.RunsInBackground)
            {
                notes.Add("in background");
            }

            if (target.Node.Definition.IsAssured)
            {
                notes.Add("assured after failure");
            }

            if (target.SkipReason is { } reason)
            {
                notes.Add($"skipped: {reason}");
            }

            yield return $"  {target.Position + 1,2}. {target.Name.PadRight(width)}  {string.Join("; ", notes)}".TrimEnd();
        }
    }

    public static string Mermaid(IReadOnlyList<PlannedTarget> plan)
    {
        var planned = plan.Select(p => p.Node).ToHashSet();
        var text = new StringBuilder("# Build plan\n\n```mermaid\ngraph LR\n");
        foreach (var target in plan)
        {
            text.Append("  ").Append(target.Name).Append(target.SkipReason is null ? "" : ":::skipped").Append('\n');
        }

        foreach (var target in plan)
        {
            var node = target.Node;
            foreach (var predecessor in node.Predecessors.Where(planned.Contains))
            {
                var arrow = node.Dependencies.Contains(predecessor) ? "-->"
                    : node.TriggeredBy.Contains(predecessor) ? "-- triggers -->"
                    : "-.->";
                text.Append("  ").Append(predecessor.Name).Append(' ').Append(arrow).Append(' ').Append(node.Name).Append('\n');
            }
        }

        return text.Append("  classDef skipped stroke-dasharray: 5 5\n```\n\nSolid: depends on. Dotted: runs after, without pulling in.\n").ToString();
    }
}
