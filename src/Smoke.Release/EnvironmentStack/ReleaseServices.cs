using YamlDotNet.RepresentationModel;

namespace Smoke.Release;

/// <summary>Which services of a compose file a release changes: those whose image takes a given variable.</summary>
internal static class ReleaseServices
{
    /// <summary>The services whose <c>image:</c> uses <c>${variable}</c> or <c>$variable</c>, in file order.</summary>
    public static IReadOnlyList<string> WhoseImageUses(string composeFile, string variable)
    {
        using var reader = new StreamReader(composeFile);
        var yaml = new YamlStream();
        yaml.Load(reader);
        if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("services"), out var servicesNode)
            || servicesNode is not YamlMappingNode services)
        {
            return [];
        }

        return services.Children
            .Where(service => ImageUses(service.Value, variable))
            .Select(service => service.Key)
            .OfType<YamlScalarNode>()
            .Select(name => name.Value)
            .OfType<string>()
            .ToList();
    }

    private static bool ImageUses(YamlNode service, string variable) =>
        service is YamlMappingNode definition
        && definition.Children.TryGetValue(new YamlScalarNode("image"), out var image)
        && image is YamlScalarNode { Value: { } reference }
        && (reference.Contains("${" + variable, StringComparison.Ordinal) || reference.Contains("$" + variable, StringComparison.Ordinal));
}
