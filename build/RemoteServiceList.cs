using Smoke.Stack.Readiness;

namespace Smoke.Build;

/// <summary>
/// Parses <c>--remote-services</c> entries: <c>api=https://api.staging.example/healthz/ready</c> for an HTTP probe,
/// <c>postgres=tcp://db.staging.example:5432</c> for a TCP one; entries naming the same service combine.
/// </summary>
internal static class RemoteServiceList
{
    public static IReadOnlyList<RemoteService> Parse(IEnumerable<string> entries)
    {
        var services = new Dictionary<string, RemoteService>(StringComparer.Ordinal);
        foreach (var entry in entries.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var (name, address) = entry.Split('=', 2) is [var n, var a] && n.Length > 0 && Uri.TryCreate(a, UriKind.Absolute, out var uri)
                ? (n, uri)
                : throw new FormatException(
                    $"remote service \"{entry}\" is not name=address; write api=https://host/healthz/ready for an HTTP probe or postgres=tcp://host:5432 for a TCP one");
            var service = services.GetValueOrDefault(name) ?? new RemoteService(name);
            services[name] = address.Scheme switch
            {
                "http" or "https" when service.ReadyUrl is null => service with { ReadyUrl = address },
                "http" or "https" => throw new FormatException($"remote service \"{name}\" has two HTTP addresses ({service.ReadyUrl} and {address}); give it one"),
                "tcp" when address.Port > 0 => service with { TcpEndpoints = [.. service.TcpEndpoints, $"{address.Host}:{address.Port}"] },
                _ => throw new FormatException($"remote service \"{name}\": {address} is neither http(s):// nor tcp://host:port"),
            };
        }

        return services.Count > 0
            ? [.. services.Values]
            : throw new FormatException("--remote needs the services to probe: --remote-services api=https://host/healthz/ready postgres=tcp://host:5432");
    }
}
