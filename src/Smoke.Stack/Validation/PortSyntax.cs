using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>Reads the short (<c>[[ip:]host:]container[/protocol]</c>) and long (<c>target:/published:/host_ip:</c>) forms of <c>ports:</c>.</summary>
internal static class PortSyntax
{
    private static readonly string[] Protocols = ["tcp", "udp", "sctp"];

    public static PortPublication? Read(ComposeDocument project, ComposeService service, YamlNode node, out string? error)
    {
        error = null;
        return node switch
        {
            YamlScalarNode => ReadShort(service, node, project.Text(node) ?? "", out error),
            YamlMappingNode mapping => ReadLong(project, service, node, new MergedMapping(mapping), out error),
            _ => Fail("a port entry must be a string such as \"127.0.0.1::8080\" or a mapping with target:", out error),
        };
    }

    private static PortPublication? ReadShort(ComposeService service, YamlNode node, string spec, out string? error)
    {
        error = null;
        var protocol = "tcp";
        var text = spec.Trim();
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
        }

        var hostIp = "";
        if (text.StartsWith('['))
        {
            var close = text.IndexOf("]:", StringComparison.Ordinal);
            if (close < 0)
            {
                return Fail($"\"{spec}\" opens an IPv6 address with '[' but has no \"]:\" after it", out error);
            }

            hostIp = text[1..close];
            text = text[(close + 2)..];
        }

        var parts = text.Split(':');
        if (hostIp.Length > 0 && parts.Length > 2)
        {
            return Fail($"\"{spec}\" has too many ':'", out error);
        }

        var containerText = parts[^1];
        var hostText = parts.Length >= 2 ? parts[^2] : "";
        if (parts.Length >= 3)
        {
            hostIp = string.Join(':', parts[..^2]);
        }

        return Build(service, node, hostIp, hostText, containerText, protocol, spec, out error);
    }

    private static PortPublication? ReadLong(ComposeDocument project, ComposeService service, YamlNode node, MergedMapping mapping, out string? error)
    {
        if (project.Text(mapping["target"]) is not { Length: > 0 } target)
        {
            return Fail("a long-form port entry needs target: (the container port)", out error);
        }

        return Build(service, node, project.Text(mapping["host_ip"]) ?? "", project.Text(mapping["published"]) ?? "", target,
            project.Text(mapping["protocol"]) ?? "tcp", $"target: {target}", out error);
    }

    private static PortPublication? Build(
        ComposeService service, YamlNode node, string hostIp, string hostText, string containerText, string protocol, string spec, out string? error)
    {
        error = null;
        if (!PortRange.TryParse(containerText, out var container))
        {
            return Fail($"\"{spec}\" has container port \"{containerText}\", which is not a port (1-65535) or a range such as 8000-8010", out error);
        }

        PortRange? host = null;
        if (hostText.Length > 0)
        {
            if (!PortRange.TryParse(hostText, out var parsed))
            {
                return Fail($"\"{spec}\" has host port \"{hostText}\", which is not a port (1-65535) or a range such as 8000-8010", out error);
            }

            host = parsed;
        }

        if (!Protocols.Contains(protocol.ToLowerInvariant()))
        {
            return Fail($"\"{spec}\" has protocol \"{protocol}\"; compose knows tcp, udp and sctp", out error);
        }

        return new PortPublication(service, node, hostIp, host, container, protocol.ToLowerInvariant());
    }

    private static PortPublication? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
