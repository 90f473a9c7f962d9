using System.Globalization;
using System.Text.Json;

namespace SmokeTests.Shared;

/// <summary>
/// The <c>SMOKE_ENDPOINTS</c> file: one JSON object whose keys are the endpoint variables, e.g.
/// <c>{"SMOKE_API_HOST": "127.0.0.1", "SMOKE_API_PORT_8080": 49153, "SMOKE_API_URL": "http://127.0.0.1:49153"}</c>.
/// </summary>
internal sealed class EndpointsFile(IReadOnlyDictionary<string, string> values)
{
    public string? Find(string name) => values.GetValueOrDefault(name);

    /// <summary>The file named by <c>SMOKE_ENDPOINTS</c>, or null when the variable is not set.</summary>
    public static EndpointsFile? Load()
    {
        var path = Environment.GetEnvironmentVariable(SmokeVariables.EndpointsFileVariable);
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException("the top level is not an object");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetInt64().ToString(CultureInfo.InvariantCulture),
                    _ => throw new JsonException($"\"{property.Name}\" is {property.Value.ValueKind}, not a string or a number"),
                };
            }

            return new EndpointsFile(values);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException)
        {
            throw new SmokeConfigurationException(
                $"{SmokeVariables.EndpointsFileVariable} names {path}, which cannot be read as endpoints ({e.Message}). " +
                "It should be one JSON object of variable names to values, as `./build.sh Smoke` writes it; " +
                $"unset {SmokeVariables.EndpointsFileVariable} to use the SMOKE_* environment variables alone.",
                e);
        }
    }
}
