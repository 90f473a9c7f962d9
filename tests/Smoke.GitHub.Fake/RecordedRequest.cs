using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smoke.GitHub.Fake;

/// <summary>A request exactly as the fake server received it.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public string? Authorization => Header("Authorization");

    /// <summary>The <c>state</c> a status request sets; null for any other request, and for a body that is not JSON.</summary>
    public string? State
    {
        get
        {
            try
            {
                return Body.Length > 0 && JsonNode.Parse(Body) is JsonObject json && json["state"] is JsonValue value && value.TryGetValue<string>(out var state)
                    ? state
                    : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    public bool IsDeployment => Path.StartsWith($"/repos/{FakeGitHubServer.Owner}/{FakeGitHubServer.Repo}/deployments", StringComparison.Ordinal);

    public bool IsComment => Path.StartsWith($"/repos/{FakeGitHubServer.Owner}/{FakeGitHubServer.Repo}/issues/", StringComparison.Ordinal);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? QueryValue(string name) =>
        System.Web.HttpUtility.ParseQueryString(Query).Get(name);

    public override string ToString() => $"{Method} {Path}{Query} {Body}";
}
