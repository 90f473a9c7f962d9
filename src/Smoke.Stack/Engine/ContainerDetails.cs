namespace Smoke.Stack.Engine;

/// <summary>What <c>GET /containers/{id}/json</c> says, in the parts the pipeline uses, plus the raw JSON for diagnostics.</summary>
public sealed record ContainerDetails(
    string Id,
    string Name,
    string Image,
    string ImageId,
    DateTimeOffset Created,
    ContainerState State,
    int RestartCount,
    bool Tty,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<PublishedPort> Ports,
    string RawJson)
{
    /// <summary>The host port bound to <paramref name="containerPort"/>, or null when it is not published.</summary>
    public int? FindHostPort(int containerPort, string protocol = "tcp") =>
        Ports.FirstOrDefault(p => p.ContainerPort == containerPort && p.Protocol == protocol)?.HostPort;
}
