namespace Smoke.Stack.Engine;

/// <summary>One row of the container list.</summary>
public sealed record ContainerSummary(
    string Id,
    IReadOnlyList<string> Names,
    string Image,
    string State,
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<PublishedPort> Ports,
    DateTimeOffset Created)
{
    public string Name => Names.Count > 0 ? Names[0].TrimStart('/') : Id[..Math.Min(12, Id.Length)];
}
