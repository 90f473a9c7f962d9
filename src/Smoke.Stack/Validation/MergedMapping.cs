using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>
/// A mapping with its YAML merge keys (<c>&lt;&lt;: *defaults</c>) applied, as compose applies them:
/// the mapping's own keys win, then merged mappings in order.
/// </summary>
internal sealed class MergedMapping
{
    private const string MergeKey = "<<";
    private readonly List<KeyValuePair<YamlScalarNode, YamlNode>> _entries = [];

    public MergedMapping(YamlMappingNode node) => Collect(node, new HashSet<string>(StringComparer.Ordinal), depth: 0);

    public IReadOnlyList<KeyValuePair<YamlScalarNode, YamlNode>> Entries => _entries;

    public YamlNode? this[string key] => _entries.FirstOrDefault(entry => entry.Key.Value == key).Value;

    public YamlScalarNode? KeyNode(string key) => _entries.FirstOrDefault(entry => entry.Key.Value == key).Key;

    public bool Contains(string key) => this[key] is not null;

    private void Collect(YamlMappingNode node, HashSet<string> seen, int depth)
    {
        // Aliases can point back at an enclosing mapping; a real compose file never nests merges this deep.
        if (depth > 16)
        {
            return;
        }

        foreach (var (key, value) in node.Children)
        {
            if (key is YamlScalarNode { Value: { } name } scalarKey && name != MergeKey && seen.Add(name))
            {
                _entries.Add(new(scalarKey, value));
            }
        }

        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: MergeKey })
            {
                continue;
            }

            switch (value)
            {
                case YamlMappingNode merged:
                    Collect(merged, seen, depth + 1);
                    break;
                case YamlSequenceNode sequence:
                    foreach (var merged in sequence.Children.OfType<YamlMappingNode>())
                    {
                        Collect(merged, seen, depth + 1);
                    }

                    break;
            }
        }
    }
}
