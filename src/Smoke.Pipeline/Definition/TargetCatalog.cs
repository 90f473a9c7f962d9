using System.Reflection;

namespace Smoke.Pipeline;

/// <summary>Finds a build's <see cref="Target"/> properties and resolves the edges between them.</summary>
internal static class TargetCatalog
{
    /// <summary>The target properties, base class first, each class in declaration order.</summary>
    public static IReadOnlyList<PropertyInfo> Properties(Type buildType) =>
    [
        .. Hierarchy(buildType).SelectMany(type => type
            .GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(p => p.PropertyType == typeof(Target) && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken)),
    ];

    public static IReadOnlyList<TargetNode> Define(PipelineBuild build)
    {
        var properties = Properties(build.GetType());
        var byMethod = new Dictionary<MethodInfo, TargetNode>();
        var nodes = new List<TargetNode>();
        foreach (var property in properties)
        {
            var target = (Target?)property.GetValue(build)
                ?? throw new UsageException($"Target '{property.Name}' is null; declare it as 'Target {property.Name} => _ => _ ...'.");
            var definition = new TargetDefinition();
            target(definition);
            var node = new TargetNode(property.Name, nodes.Count, definition);
            nodes.Add(node);
            byMethod[target.Method] = node;
        }

        foreach (var node in nodes)
        {
            var definition = node.Definition;
            TargetNode Resolve(Target target, string edge) =>
                byMethod.GetValueOrDefault(target.Method)
                ?? throw new UsageException(
                    $"Target '{node.Name}' has {edge}(...) on a target that is not a Target property of {build.GetType().Name}; pass the property itself, e.g. {edge}(Compile).");

            foreach (var dependency in definition.Dependencies.Select(t => Resolve(t, nameof(ITargetDefinition.DependsOn))))
            {
                Link(node.Dependencies, dependency);
            }

            foreach (var dependent in definition.Dependents.Select(t => Resolve(t, nameof(ITargetDefinition.DependentFor))))
            {
                Link(dependent.Dependencies, node);
            }

            foreach (var triggered in definition.Triggered.Select(t => Resolve(t, nameof(ITargetDefinition.Triggers))))
            {
                Link(node.Triggers, triggered);
                Link(triggered.TriggeredBy, node);
            }

            foreach (var trigger in definition.TriggeredByTargets.Select(t => Resolve(t, nameof(ITargetDefinition.TriggeredBy))))
            {
                Link(trigger.Triggers, node);
                Link(node.TriggeredBy, trigger);
            }

            foreach (var earlier in definition.RunsAfter.Select(t => Resolve(t, nameof(ITargetDefinition.After))))
            {
                Link(node.Predecessors, earlier);
            }

            if (definition.Recovery is var (failed, exitCode))
            {
                node.Recovery = (Resolve(failed, nameof(ITargetDefinition.RecoversFrom)), exitCode);
                Link(node.Predecessors, node.Recovery.Value.Failed);
            }

            foreach (var later in definition.RunsBefore.Select(t => Resolve(t, nameof(ITargetDefinition.Before))))
            {
                Link(later.Predecessors, node);
            }
        }

        foreach (var node in nodes)
        {
            foreach (var predecessor in node.Dependencies.Concat(node.TriggeredBy).ToList())
            {
                Link(node.Predecessors, predecessor);
            }

            node.Predecessors.Sort((a, b) => a.Index.CompareTo(b.Index));
        }

        return nodes;
    }

    private static void Link(List<TargetNode> edges, TargetNode target)
    {
        if (!edges.Contains(target))
        {
            edges.Add(target);
        }
    }

    private static IEnumerable<Type> Hierarchy(Type type)
    {
        var chain = new Stack<Type>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            chain.Push(current);
        }

        return chain;
    }
}
