using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary><c>depends_on</c>: known services, no cycles, and <c>service_healthy</c> only on services that have a healthcheck.</summary>
internal static class DependencyChecks
{
    private static readonly string[] Conditions = ["service_started", "service_healthy", "service_completed_successfully"];

    public static void Check(ComposeDocument project, ProblemList problems)
    {
        var dependencies = project.Services.SelectMany(service => Read(project, service, problems)).ToList();
        var known = new List<Dependency>();
        foreach (var dependency in dependencies)
        {
            if (project.Find(dependency.Target) is { } target)
            {
                known.Add(dependency);
                CheckCondition(project, dependency, target, problems);
            }
            else
            {
                problems.Error(ConfigRule.UnknownDependency, project.At(dependency.Node),
                    $"service \"{dependency.Service.Name}\" depends on \"{dependency.Target}\", which is not a service in this file" +
                    $"{DidYouMean.Suggest(dependency.Target, project.Services.Select(service => service.Name))}: " +
                    "fix the name, add that service, or remove the dependency");
            }
        }

        ReportCycles(project, known, problems);
    }

    private static IEnumerable<Dependency> Read(ComposeDocument project, ComposeService service, ProblemList problems)
    {
        switch (service.Definition["depends_on"])
        {
            case null:
                yield break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (project.Text(item) is { Length: > 0 } target && item is YamlScalarNode)
                    {
                        yield return new Dependency(service, target, "service_started", item);
                    }
                    else
                    {
                        problems.Error(ConfigRule.MalformedEntry, project.At(item),
                            $"a depends_on entry of service \"{service.Name}\" is not a service name: list names, or map each name to a condition:");
                    }
                }

                break;
            case YamlMappingNode map:
                foreach (var (key, value) in new MergedMapping(map).Entries)
                {
                    var condition = "service_started";
                    if (value is YamlMappingNode options)
                    {
                        var settings = new MergedMapping(options);
                        if (settings["condition"] is { } conditionNode)
                        {
                            condition = project.Text(conditionNode) ?? "";
                            if (!Conditions.Contains(condition))
                            {
                                problems.Error(ConfigRule.MalformedEntry, project.At(conditionNode),
                                    $"depends_on condition \"{condition}\" of service \"{service.Name}\" on \"{key.Value}\" is not one compose knows: " +
                                    $"use {string.Join(", ", Conditions)}");
                            }
                        }

                        foreach (var newer in new[] { "required", "restart" })
                        {
                            if (settings.KeyNode(newer) is { } newerKey)
                            {
                                problems.Warning(ConfigRule.NeedsComposeV2, project.At(newerKey),
                                    $"depends_on {newer}: of service \"{service.Name}\" needs Compose v2 ({(newer == "required" ? "v2.20" : "v2.17")} or later); " +
                                    "docker-compose 1.29 rejects the whole file: remove it");
                            }
                        }
                    }
                    else if (value is not YamlScalarNode { Value: null or "" })
                    {
                        problems.Error(ConfigRule.MalformedEntry, project.At(value),
                            $"depends_on \"{key.Value}\" of service \"{service.Name}\" must map to options such as condition: service_healthy");
                    }

                    yield return new Dependency(service, key.Value!, condition, key);
                }

                break;
            case var other:
                problems.Error(ConfigRule.MalformedEntry, project.At(other),
                    $"depends_on of service \"{service.Name}\" is neither a list of services nor a mapping of service to condition");
                break;
        }
    }

    private static void CheckCondition(ComposeDocument project, Dependency dependency, ComposeService target, ProblemList problems)
    {
        if (dependency.Condition != "service_healthy")
        {
            return;
        }

        switch (HealthcheckOf(project, target))
        {
            case HealthcheckState.Disabled:
                problems.Error(ConfigRule.HealthyWithoutHealthcheck, project.At(dependency.Node),
                    $"service \"{dependency.Service.Name}\" waits for \"{target.Name}\" to be healthy, but \"{target.Name}\" disables its healthcheck, " +
                    "so it never becomes healthy and compose refuses to start: give it a healthcheck, or use condition: service_started " +
                    "(service_completed_successfully for a one-shot)");
                break;
            case HealthcheckState.FromImageIfAny:
                problems.Warning(ConfigRule.HealthyWithoutHealthcheck, project.At(dependency.Node),
                    $"service \"{dependency.Service.Name}\" waits for \"{target.Name}\" to be healthy, but \"{target.Name}\" defines no healthcheck here; " +
                    "this only works if its image has a HEALTHCHECK (compose fails the start otherwise): add a healthcheck: with a test: " +
                    "to make it explicit, or use condition: service_started");
                break;
        }
    }

    private static HealthcheckState HealthcheckOf(ComposeDocument project, ComposeService service)
    {
        if (service.Definition["healthcheck"] is not YamlMappingNode node)
        {
            return HealthcheckState.FromImageIfAny;
        }

        var healthcheck = new MergedMapping(node);
        if (string.Equals(project.Text(healthcheck["disable"]), "true", StringComparison.OrdinalIgnoreCase))
        {
            return HealthcheckState.Disabled;
        }

        var test = healthcheck["test"];
        var first = test is YamlSequenceNode { Children.Count: > 0 } sequence ? project.Text(sequence.Children[0]) : project.Text(test);
        return first switch
        {
            "NONE" => HealthcheckState.Disabled,
            null => HealthcheckState.FromImageIfAny,
            _ => HealthcheckState.Defined,
        };
    }

    private static void ReportCycles(ComposeDocument project, List<Dependency> dependencies, ProblemList problems)
    {
        var edges = dependencies.ToLookup(dependency => dependency.Service.Name, StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<Dependency>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);

        void Visit(string service)
        {
            onPath.Add(service);
            foreach (var dependency in edges[service])
            {
                if (onPath.Contains(dependency.Target))
                {
                    var start = path.FindIndex(step => step.Service.Name == dependency.Target);
                    var cycle = path.Skip(start < 0 ? path.Count : start).Append(dependency).ToList();
                    var names = cycle.Select(step => step.Service.Name).ToList();
                    if (reported.Add(CanonicalKey(names)))
                    {
                        var chain = string.Join(" -> ", names.Append(dependency.Target));
                        problems.Error(ConfigRule.DependencyCycle, project.At(dependency.Node),
                            $"dependency cycle {chain}: compose cannot decide which service to start first; remove one of these depends_on entries");
                    }
                }
                else if (!finished.Contains(dependency.Target))
                {
                    path.Add(dependency);
                    Visit(dependency.Target);
                    path.RemoveAt(path.Count - 1);
                }
            }

            onPath.Remove(service);
            finished.Add(service);
        }

        foreach (var service in project.Services)
        {
            if (!finished.Contains(service.Name))
            {
                Visit(service.Name);
            }
        }
    }

    private static string CanonicalKey(List<string> cycle)
    {
        var smallest = cycle.IndexOf(cycle.Min(StringComparer.Ordinal)!);
        return string.Join("\n", cycle.Skip(smallest).Concat(cycle.Take(smallest)));
    }

    private enum HealthcheckState
    {
        Defined,
        Disabled,
        FromImageIfAny,
    }
}
