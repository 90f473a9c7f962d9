using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smoke.Stack.Engine;

internal static class EngineJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The engine streams (events, pull, build, import) are one JSON document per line.</summary>
    public static async IAsyncEnumerable<T> ReadLinesAsync<T>(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (JsonSerializer.Deserialize<T>(line, EngineJson.Options) is { } item)
            {
                yield return item;
            }
        }
    }

    public static string Filters(IReadOnlyDictionary<string, IReadOnlyList<string>> filters) =>
        JsonSerializer.Serialize(filters.Where(f => f.Value.Count > 0).ToDictionary(f => f.Key, f => f.Value));
}
