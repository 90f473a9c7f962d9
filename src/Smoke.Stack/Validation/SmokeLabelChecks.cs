using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>The <c>io.smoke.*</c> labels: known keys, values of the right shape, and waits on ports the service publishes.</summary>
internal static partial class SmokeLabelChecks
{
    public static void Check(
        ComposeDocument project, SmokeLabelConventions conventions, ILookup<string, PortPublication> publications, ProblemList problems)
    {
        foreach (var service in project.Services)
        {
            foreach (var (key, value, node) in Labels(project, service, problems))
            {
                if (!key.StartsWith(conventions.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var label = conventions.Labels.FirstOrDefault(known => known.Key == key);
                if (label is null)
                {
                    problems.Error(ConfigRule.UnknownSmokeLabel, project.At(node),
                        $"service \"{service.Name}\" has label {key}, which Smoke does not know and ignores" +
                        $"{DidYouMean.Suggest(key, conventions.Labels.Select(known => known.Key))}: " +
                        $"fix the name (known: {string.Join(", ", conventions.Labels.Select(known => known.Key))}) or remove it");
                    continue;
                }

                if (Problem(label.Kind, value) is { } problem)
                {
                    problems.Error(ConfigRule.InvalidSmokeLabelValue, project.At(node),
                        $"label {key} of service \"{service.Name}\" is \"{value}\": {problem}");
                }
                else if (label.Kind is SmokeLabelKind.HttpProbe or SmokeLabelKind.TcpPort)
                {
                    CheckPublished(project, service, key, PortOf(value), publications[service.Name].ToList(), node, problems);
                }
            }
        }
    }

    private static IEnumerable<(string Key, string Value, YamlNode Node)> Labels(ComposeDocument project, ComposeService service, ProblemList problems)
    {
        switch (service.Definition["labels"])
        {
            case null:
                break;
            case YamlMappingNode map:
                foreach (var (key, value) in new MergedMapping(map).Entries)
                {
                    yield return (key.Value!, project.Text(value) ?? "", key);
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (item is not YamlScalarNode)
                    {
                        problems.Error(ConfigRule.MalformedEntry, project.At(item),
                            $"a labels: entry of service \"{service.Name}\" is not \"key=value\": in list form write - \"io.smoke.wait.tcp=5432\", " +
                            "or drop the dashes to use the mapping form");
                        continue;
                    }

                    var text = project.Text(item) ?? "";
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    yield return equals < 0 ? (text, "", item) : (text[..equals], text[(equals + 1)..], item);
                }

                break;
            case var other:
                problems.Error(ConfigRule.MalformedEntry, project.At(other),
                    $"labels: of service \"{service.Name}\" is neither a mapping (key: \"value\") nor a list (- key=value)");
                break;
        }
    }

    private static string? Problem(SmokeLabelKind kind, string value) => kind switch
    {
        SmokeLabelKind.HttpProbe => HttpProbe().Match(value) is { Success: true } match && PortRange.TryParsePort(match.Groups["port"].Value, out _)
            ? null
            : "expected <port>/<path> with a container port from 1 to 65535 and no spaces, such as \"8080/healthz/ready\"",
        SmokeLabelKind.TcpPort => PortRange.TryParsePort(value, out _) ? null : "expected a container port from 1 to 65535, such as \"5432\"",
        SmokeLabelKind.Regex => RegexProblem(value),
        SmokeLabelKind.Duration => ComposeDuration.TryParse(value, out var duration) && duration > TimeSpan.Zero
            ? null
            : $"expected a positive duration such as {ComposeDuration.Examples}",
        SmokeLabelKind.Boolean => value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? null
            : "expected \"true\" or \"false\"",
        _ => null,
    };

    private static string? RegexProblem(string value)
    {
        if (value.Length == 0)
        {
            return "expected a regular expression matching the log line that means ready, such as \"ready to accept connections\"";
        }

        try
        {
            _ = new Regex(value, RegexOptions.None, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException exception)
        {
            return $"not a valid .NET regular expression ({exception.Message}); escape special characters such as ( [ . * with a backslash";
        }
    }

    private static int PortOf(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        PortRange.TryParsePort(slash < 0 ? value : value[..slash], out var port);
        return port;
    }

    private static void CheckPublished(
        ComposeDocument project, ComposeService service, string key, int port, List<PortPublication> published, YamlNode node, ProblemList problems)
    {
        if (published.Any(publication => publication.Publishes(port)))
        {
            return;
        }

        var has = published.Count == 0
            ? "publishes no ports"
            : $"publishes only container port{(published.Count > 1 ? "s" : "")} {string.Join(", ", published.Select(publication => publication.Container))}";
        problems.Error(ConfigRule.WaitOnUnpublishedPort, project.At(node),
            $"label {key} of service \"{service.Name}\" waits on container port {port}, but the service {has}, and probes go through the published port: " +
            $"add \"127.0.0.1::{port}\" to its ports, or wait on a port it publishes");
    }

    [GeneratedRegex(@"^(?<port>\d+)/\S*$", RegexOptions.CultureInvariant)]
    private static partial Regex HttpProbe();
}
