namespace Smoke.Stack.Engine;

internal sealed record ContainerListItem(
    string Id,
    List<string>? Names,
    string? Image,
    string? State,
    string? Status,
    Dictionary<string, string>? Labels,
    List<ContainerListPort>? Ports,
    long Created)
{
    public ContainerSummary ToSummary() => new(
        Id,
        Names ?? [],
        Image ?? "",
        State ?? "",
        Status ?? "",
        Labels ?? [],
        (Ports ?? []).Where(p => p.PublicPort > 0).Select(p => new PublishedPort(p.PrivatePort, p.Type ?? "tcp", p.IP ?? "", p.PublicPort)).ToList(),
        DateTimeOffset.FromUnixTimeSeconds(Created));
}
