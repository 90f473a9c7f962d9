using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Readiness;

/// <summary>
/// The <c>depends_on</c> graph of a compose file, or of <c>docker-compose config</c> output: both the list form
/// (<c>depends_on: [db]</c>) and the mapping form (<c>depends_on: {db: {condition: service_healthy}}</c>).
/// </summary>
public static class ComposeDependencies
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new FormatException($"the compose YAML cannot be read at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", ex);
        }

        var graph = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0
            || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("services"), out var servicesNode)
            || servicesNode is not YamlMappingNode services)
        {
            return graph;
        }

        foreach (var (key, value) in services.Children)
        {
            var dependencies = new List<string>();
            if (value is YamlMappingNode service && service.Children.TryGetValue(new YamlScalarNode("depends_on"), out var dependsOn))
            {
                dependencies.AddRange(dependsOn switch
                {
                    YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value!),
                    YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value!),
                    _ => [],
                });
            }

            graph[((YamlScalarNode)key).Value!] = dependencies;
        }

        return graph;
    }

    /// <summary>The graph of several compose files, later files adding to earlier ones as compose merges them.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadFilesAsync(IEnumerable<string> files, CancellationToken cancellationToken = default)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var yaml = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            foreach (var (service, dependencies) in Parse(yaml))
            {
                merged[service] = (merged.GetValueOrDefault(service) ?? []).Union(dependencies).ToList();
            }
        }

        return merged;
    }

    /// <summary>
    /// From the <c>com.docker.compose.depends_on</c> label Compose v2 puts on containers
    /// (<c>db:service_healthy:false,migrate:service_completed_successfully:false</c>); Compose v1 sets none.
    /// </summary>
    internal static IReadOnlyList<string> FromLabel(string? label) =>
        string.IsNullOrWhiteSpace(label)
            ? []
            : label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry => entry.Split(':')[0]).ToList();
}
