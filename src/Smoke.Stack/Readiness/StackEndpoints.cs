using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smoke.Stack.Readiness;

/// <summary>
/// The endpoints handed to smoke tests, as <c>SMOKE_&lt;SERVICE&gt;_HOST</c>, <c>SMOKE_&lt;SERVICE&gt;_PORT_&lt;containerPort&gt;</c>
/// and <c>SMOKE_&lt;SERVICE&gt;_URL</c> variables, and as the <c>SMOKE_ENDPOINTS</c> file holding the same names and values.
/// </summary>
public sealed record StackEndpoints(IReadOnlyList<ServiceEndpoint> Services)
{
    public const string EndpointsFileVariable = "SMOKE_ENDPOINTS";

    public static StackEndpoints None { get; } = new([]);

    /// <summary><c>VariableName("api-gateway", "URL")</c> is <c>SMOKE_API_GATEWAY_URL</c>.</summary>
    public static string VariableName(string service, string suffix) =>
        $"SMOKE_{service.ToUpperInvariant().Replace('-', '_').Replace('.', '_')}_{suffix}";

    /// <summary>The variables for the test processes; with <paramref name="endpointsFile"/>, <c>SMOKE_ENDPOINTS</c> too.</summary>
    public IReadOnlyDictionary<string, string> ToEnvironment(string? endpointsFile = null)
    {
        var variables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in Values())
        {
            variables[name] = value is int port ? port.ToString(CultureInfo.InvariantCulture) : (string)value;
        }

        if (endpointsFile is not null)
        {
            variables[EndpointsFileVariable] = Path.GetFullPath(endpointsFile);
        }

        return variables;
    }

    /// <summary>
    /// Writes the <c>SMOKE_ENDPOINTS</c> file: one JSON object of variable names to values, ports as numbers, e.g.
    /// <c>{"SMOKE_API_HOST": "127.0.0.1", "SMOKE_API_PORT_8080": 49153, "SMOKE_API_URL": "http://127.0.0.1:49153"}</c>.
    /// Returns the file's full path.
    /// </summary>
    public async Task<string> WriteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var json = new JsonObject();
        foreach (var (name, value) in Values().OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            json[name] = value is int port ? JsonValue.Create(port) : JsonValue.Create((string)value);
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n", cancellationToken).ConfigureAwait(false);
        return full;
    }

    private IEnumerable<(string Name, object Value)> Values()
    {
        foreach (var service in Services)
        {
            yield return (VariableName(service.Service, "HOST"), service.Host);
            foreach (var (containerPort, hostPort) in service.Ports.OrderBy(p => p.Key))
            {
                yield return (VariableName(service.Service, $"PORT_{containerPort.ToString(CultureInfo.InvariantCulture)}"), hostPort);
            }

            if (service.Url is { } url)
            {
                yield return (VariableName(service.Service, "URL"), url.GetLeftPart(UriPartial.Authority));
            }
        }
    }
}
