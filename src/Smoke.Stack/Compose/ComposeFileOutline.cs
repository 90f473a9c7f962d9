using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Compose;

/// <summary>The names a set of compose files declares: enough to label everything a project creates.</summary>
internal sealed record ComposeFileOutline(
    string? Version,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Networks,
    IReadOnlyList<string> Volumes,
    IReadOnlyList<string> ExternalNetworks)
{
    public static ComposeFileOutline Read(IEnumerable<string> files)
    {
        string? version = null;
        var services = new List<string>();
        var networks = new List<string>();
        var volumes = new List<string>();
        var external = new List<string>();
        foreach (var file in files)
        {
            var yaml = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                yaml.Load(reader);
            }

            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                continue;
            }

            version ??= (Child(root, "version") as YamlScalarNode)?.Value;
            AddKeys(Child(root, "services"), services, []);
            AddKeys(Child(root, "networks"), networks, external);
            AddKeys(Child(root, "volumes"), volumes, []);
        }

        return new ComposeFileOutline(version, services, networks.Except(external).ToList(), volumes, external);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>Adds the section's keys to <paramref name="into"/>, or to <paramref name="external"/> for <c>external: true</c> entries.</summary>
    private static void AddKeys(YamlNode? section, List<string> into, List<string> external)
    {
        if (section is not YamlMappingNode mapping)
        {
            return;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var isExternal = value is YamlMappingNode properties && Child(properties, "external") is { } flag
                && flag is not YamlScalarNode { Value: "false" or "False" };
            var list = isExternal ? external : into;
            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }
    }
}
