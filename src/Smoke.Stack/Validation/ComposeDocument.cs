using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>Everything the compose checks look at: the parsed file, its values in the chosen profile and its services.</summary>
internal sealed class ComposeDocument
{
    private ComposeDocument(ComposeSource source, InterpolatedDocument values, MergedMapping root, IReadOnlyList<ComposeService> services)
    {
        Source = source;
        Values = values;
        Root = root;
        Services = services;
    }

    public ComposeSource Source { get; }

    public InterpolatedDocument Values { get; }

    public MergedMapping Root { get; }

    public IReadOnlyList<ComposeService> Services { get; }

    public static ComposeDocument Read(ComposeSource source, InterpolatedDocument values, ProblemList problems)
    {
        var root = new MergedMapping(source.Root);
        var services = new List<ComposeService>();
        switch (root["services"])
        {
            case null:
                problems.Error(ConfigRule.ComposeFileUnusable, source.At(source.Root),
                    $"{source.FileName} has no services: key, so it defines no stack: add the services under a top-level services: mapping");
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in new MergedMapping(mapping).Entries)
                {
                    if (value is YamlMappingNode definition)
                    {
                        services.Add(new ComposeService(key.Value!, key, new MergedMapping(definition)));
                    }
                    else
                    {
                        problems.Error(ConfigRule.MalformedEntry, source.At(key),
                            $"service \"{key.Value}\" is not a mapping: give it keys such as image:, ports: and healthcheck:");
                    }
                }

                break;
            case var other:
                problems.Error(ConfigRule.ComposeFileUnusable, source.At(other),
                    "services: is not a mapping of service names to definitions: write each service as \"name:\" with its keys indented below it");
                break;
        }

        return new ComposeDocument(source, values, root, services);
    }

    public string? Text(YamlNode? node) => Values.ValueOf(node);

    public SourceLocation At(YamlNode node) => Source.At(node);

    public ComposeService? Find(string name) => Services.FirstOrDefault(service => service.Name == name);
}
