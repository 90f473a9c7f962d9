using System.Globalization;

namespace Smoke.Stack.Engine;

internal sealed record ContainerInspection(
    string Id,
    string? Name,
    string? Image,
    DateTimeOffset Created,
    ContainerState State,
    int RestartCount,
    ContainerInspectionConfig? Config,
    ContainerInspectionNetwork? NetworkSettings)
{
    public ContainerDetails ToDetails(string rawJson) => new(
        Id,
        (Name ?? "").TrimStart('/'),
        Config?.Image ?? "",
        Image ?? "",
        Created,
        State,
        RestartCount,
        Config?.Tty ?? false,
        Config?.Labels ?? [],
        (NetworkSettings?.Ports ?? [])
            .Where(p => p.Value is not null)
            .SelectMany(p => p.Value!.Select(binding => ToPort(p.Key, binding)))
            .ToList(),
        rawJson);

    private static PublishedPort ToPort(string key, ContainerInspectionBinding binding)
    {
        var parts = key.Split('/');
        return new PublishedPort(
            int.Parse(parts[0], CultureInfo.InvariantCulture),
            parts.Length > 1 ? parts[1] : "tcp",
            binding.HostIp ?? "",
            int.TryParse(binding.HostPort, CultureInfo.InvariantCulture, out var port) ? port : 0);
    }
}
