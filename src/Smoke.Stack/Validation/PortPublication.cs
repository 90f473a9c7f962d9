using YamlDotNet.RepresentationModel;

namespace Smoke.Stack.Validation;

/// <summary>
/// One <c>ports:</c> entry of a service. <paramref name="HostIp"/> is empty for all interfaces; the host range is
/// null for a port Docker picks at random (<c>127.0.0.1::8080</c>).
/// </summary>
internal sealed record PortPublication(
    ComposeService Service,
    YamlNode Node,
    string HostIp,
    PortRange? Host,
    PortRange Container,
    string Protocol)
{
    public bool IsOnLoopback => HostIp == "127.0.0.1";

    public bool IsOnAllInterfaces => HostIp is "" or "0.0.0.0" or "::";

    /// <summary>True when every host port is fixed: a single port, or a range as long as the container range.</summary>
    public bool HasExplicitHostPorts => Host is { } host && (host.Count == 1 ? Container.Count == 1 : host.Count == Container.Count);

    public bool Publishes(int containerPort) => Container.Contains(containerPort);

    public string LoopbackSpelling =>
        $"127.0.0.1:{(Host is { } host ? host.ToString() : "")}:{Container}{(Protocol == "tcp" ? "" : "/" + Protocol)}";
}
