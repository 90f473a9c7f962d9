namespace Smoke.Pipeline;

/// <summary><c>--help</c>: targets with descriptions and dependencies, then parameters with their current values and where those came from.</summary>
internal static class HelpText
{
    public static IEnumerable<string> Lines(
        IReadOnlyList<TargetNode> targets,
        IReadOnlyList<string> defaultTargets,
        IReadOnlyList<ParameterMember> parameters,
        IReadOnlyDictionary<ParameterMember, string> sources,
        PipelineBuild build)
    {
        yield return "Usage: build [targets] [options] [--<parameter> <value>]";
        yield return "";
        yield return defaultTargets.Count == 0 ? "Targets" : $"Targets (default: {string.Join(", ", defaultTargets)})";
        var listed = targets.Where(t => !t.Definition.IsUnlisted).ToList();
        var nameWidth = listed.Select(t => t.Name.Length).DefaultIfEmpty(0).Max();
        foreach (var target in listed)
        {
            var details = new List<string>();
            if (target.Definition.DescriptionText is { } description)
            {
                details.Add(description);
            }

            if (target.Dependencies.Count > 0)
            {
                details.Add($"(depends on {string.Join(", ", target.Dependencies.Select(d => d.Name))})");
            }

            yield return $"  {target.Name.PadRight(nameWidth)}  {string.Join(' ', details)}".TrimEnd();
        }

        var options = parameters.Where(p => p.IsEngineOption).Select(p => (Usage: Usage(p), p.Description))
            .Append((Usage: "--plan", Description: "Print the ordered plan and write a Mermaid graph to .nuke/temp/plan.md instead of running"))
            .Append((Usage: "--help", Description: "Print this help"))
            .ToList();
        var own = parameters.Where(p => !p.IsEngineOption).ToList();
        var width = options.Select(o => o.Usage.Length).Concat(own.Select(p => Usage(p).Length)).Max();

        yield return "";
        yield return "Options";
        foreach (var (usage, description) in options)
        {
            yield return $"  {usage.PadRight(width)}  {description}";
        }

        if (own.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return "Parameters (highest source first: command line, environment (SMOKE_<NAME>, NUKE_<NAME>), .nuke/parameters.<profile>.json, .nuke/parameters.json)";
        foreach (var parameter in own)
        {
            yield return $"  {Usage(parameter).PadRight(width)}  {parameter.Description}";
            var value = parameter.IsSecret && parameter.GetValue(build) is not null ? Smoke.Shared.SecretMask.Mask : ParameterValues.Display(parameter.GetValue(build));
            var source = sources.TryGetValue(parameter, out var found) ? $"from {found}" : "default";
            yield return $"  {new string(' ', width)}  = {value}  ({source}; env {string.Join(" or ", parameter.EnvironmentNames)})";
        }
    }

    private static string Usage(ParameterMember parameter)
    {
        var form = parameter.IsEngineOption && parameter.Name is "Target" or "Skip" ? "<target>..."
            : parameter.IsEngineOption && parameter.Name == nameof(PipelineBuild.Profile) ? "<name>..."
            : ParameterValues.Form(parameter.Type);
        return $"{parameter.OptionName} {form}{(parameter.IsSecret ? " (secret)" : "")}";
    }
}
