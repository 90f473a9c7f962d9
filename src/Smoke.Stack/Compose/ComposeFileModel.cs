using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Compose;

/// <summary>
/// A project's compose files as written (variables not yet interpolated), merged as compose merges them: read once,
/// through the one YAML reader (<see cref="ComposeYaml"/>), and handed to every step that needs the file: the
/// session override's labels, the images, readiness's <c>depends_on</c> graph and a release's services.
/// Validation reads the same files through the same reader, with positions, to report problems.
/// </summary>
public sealed record ComposeFileModel
{
    private ComposeFileModel(string? version, IReadOnlyList<ComposeServiceDefinition> services, IReadOnlyList<string> networks, IReadOnlyList<string> volumes, IReadOnlyList<string> externalNetworks)
    {
        Version = version;
        Services = services;
        Networks = networks;
        Volumes = volumes;
        ExternalNetworks = externalNetworks;
    }

    /// <summary>The top-level <c>version:</c>, when a file has one.</summary>
    public string? Version { get; }

    /// <summary>The services in file order; a later file's definition merges into an earlier one's.</summary>
    public IReadOnlyList<ComposeServiceDefinition> Services { get; }

    /// <summary>The networks the project creates (external ones are not among them).</summary>
    public IReadOnlyList<string> Networks { get; }

    public IReadOnlyList<string> Volumes { get; }

    /// <summary>Networks marked <c>external:</c>, which the project uses but neither creates nor labels.</summary>
    public IReadOnlyList<string> ExternalNetworks { get; }

    /// <summary>Each service's <c>depends_on</c>, both the list and the mapping form.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DependsOn =>
        Services.ToDictionary(service => service.Name, service => service.DependsOn, StringComparer.Ordinal);

    /// <summary>Reads and merges <paramref name="files"/>, in order.</summary>
    /// <exception cref="FormatException">A file is not YAML or not a compose file; the message names the file, line and column.</exception>
    public static ComposeFileModel Read(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new Builder();
        foreach (var file in files)
        {
            builder.Add(Load(File.ReadAllText(file), file));
        }

        return builder.Build();
    }

    /// <summary>One compose document, e.g. what <c>docker compose config</c> prints.</summary>
    /// <exception cref="FormatException">The text is not YAML or not a compose file.</exception>
    public static ComposeFileModel Parse(string yaml, string source = "the compose YAML")
    {
        var builder = new Builder();
        builder.Add(Load(yaml, source));
        return builder.Build();
    }

    public ComposeServiceDefinition? Find(string service) => Services.FirstOrDefault(s => s.Name == service);

    private static YamlMappingNode Load(string text, string source)
    {
        try
        {
            return ComposeYaml.Load(text, Path.GetFileName(source));
        }
        catch (ComposeYamlException exception)
        {
            var where = exception.Line is { } line ? $" at line {line}, column {exception.Column}" : "";
            throw new FormatException($"{source} cannot be read{where}: {exception.Message}", exception);
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>Merges documents as compose does: a later service definition overrides scalars and adds dependencies.</summary>
    private sealed class Builder
    {
        private readonly List<ComposeServiceDefinition> _services = [];
        private readonly List<string> _networks = [];
        private readonly List<string> _volumes = [];
        private readonly List<string> _external = [];
        private string? _version;

        public void Add(YamlMappingNode root)
        {
            _version ??= (Child(root, "version") as YamlScalarNode)?.Value;
            if (Child(root, "services") is YamlMappingNode services)
            {
                foreach (var (key, value) in services.Children)
                {
                    AddService(((YamlScalarNode)key).Value!, value as YamlMappingNode);
                }
            }

            AddKeys(Child(root, "networks"), _networks, _external);
            AddKeys(Child(root, "volumes"), _volumes, []);
        }

        public ComposeFileModel Build() =>
            new(_version, [.. _services], _networks.Except(_external).ToList(), [.. _volumes], [.. _external]);

        private void AddService(string name, YamlMappingNode? definition)
        {
            var image = definition is null ? null : (Child(definition, "image") as YamlScalarNode)?.Value;
            var builds = definition is not null && Child(definition, "build") is not null;
            IReadOnlyList<string> dependsOn = (definition is null ? null : Child(definition, "depends_on")) switch
            {
                YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToList(),
                YamlMappingNode map => map.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value!).ToList(),
                _ => [],
            };

            var healthcheck = definition is null ? null : ReadHealthcheck(Child(definition, "healthcheck") as YamlMappingNode);
            var index = _services.FindIndex(s => s.Name == name);
            if (index < 0)
            {
                _services.Add(new ComposeServiceDefinition(name, image, builds, dependsOn) { Healthcheck = healthcheck });
                return;
            }

            var earlier = _services[index];
            _services[index] = new ComposeServiceDefinition(name, image ?? earlier.Image, builds || earlier.Builds, earlier.DependsOn.Union(dependsOn).ToList())
            {
                Healthcheck = ComposeHealthcheck.Merge(earlier.Healthcheck, healthcheck),
            };
        }

        private static ComposeHealthcheck? ReadHealthcheck(YamlMappingNode? healthcheck)
        {
            if (healthcheck is null)
            {
                return null;
            }

            string? Text(string key) => (Child(healthcheck, key) as YamlScalarNode)?.Value;
            var disabled = Text("disable") is { } disable ? disable is "true" or "True" : (bool?)null;
            return new ComposeHealthcheck(disabled, Text("interval"), Text("start_period"), Text("start_interval"));
        }

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
}

/// <summary>One service as the compose files write it.</summary>
/// <param name="Name">The service's key under <c>services:</c>.</param>
/// <param name="Image">The <c>image:</c> value as written, <c>${VARIABLE}</c>s and all; null when none.</param>
/// <param name="Builds">True when the service has a <c>build:</c> section: compose builds its image.</param>
/// <param name="DependsOn">The services it depends on.</param>
public sealed record ComposeServiceDefinition(string Name, string? Image, bool Builds, IReadOnlyList<string> DependsOn)
{
    /// <summary>The <c>healthcheck:</c> section's timings as written; null when the compose files give none (the image's may apply).</summary>
    public ComposeHealthcheck? Healthcheck { get; init; }
}

/// <summary>A service's <c>healthcheck:</c> as written: <c>disable</c> and the durations (<c>1s</c>, <c>1m30s</c>), unparsed.</summary>
public sealed record ComposeHealthcheck(bool? Disabled, string? Interval, string? StartPeriod, string? StartInterval)
{
    public bool IsDisabled => Disabled == true;

    /// <summary>A later file's keys override an earlier file's, one by one, as compose merges mappings.</summary>
    public static ComposeHealthcheck? Merge(ComposeHealthcheck? earlier, ComposeHealthcheck? later) =>
        earlier is null || later is null
            ? later ?? earlier
            : new(later.Disabled ?? earlier.Disabled, later.Interval ?? earlier.Interval, later.StartPeriod ?? earlier.StartPeriod, later.StartInterval ?? earlier.StartInterval);
}
