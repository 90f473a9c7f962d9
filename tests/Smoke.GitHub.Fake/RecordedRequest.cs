using System.Text.Json.Nodes;

namespace Smoke.GitHub.Fake;

/// <summary>A request exactly as the fake server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) =>
        System.Web.HttpUtility.ParseQueryString(Query).Get(name);
}
