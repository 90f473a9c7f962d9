using System.Text.Json;
using System.Text.Json.Nodes;
using Smoke.Shared;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Keeps secrets out of diagnostics: the values of environment variables whose name says they hold a secret
/// (<see cref="SecretNames"/>) are replaced in inspect JSON, and masked wherever they turn up in a log line.
/// </summary>
internal static class InspectRedaction
{
    public static bool IsSecretName(string name) =>
        SecretNames.HoldsSecret(name);

    /// <summary>The inspect JSON, indented, with <c>Config.Env</c> secret values replaced by <see cref="SecretMask.Mask"/>.</summary>
    public static string RedactInspect(string rawJson)
    {
        var root = JsonNode.Parse(rawJson);
        if (root?["Config"]?["Env"] is JsonArray env)
        {
            for (var i = 0; i < env.Count; i++)
            {
                if (env[i]?.GetValue<string>() is { } entry && SplitEntry(entry) is var (name, _) && IsSecretName(name))
                {
                    env[i] = $"{name}={SecretMask.Mask}";
                }
            }
        }

        return root?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? rawJson;
    }

    /// <summary>The mask for a container's log lines: the values of its environment variables named like a secret.</summary>
    public static SecretMask MaskFor(string rawJson)
    {
        var root = JsonNode.Parse(rawJson);
        if (root?["Config"]?["Env"] is not JsonArray env)
        {
            return SecretMask.None;
        }

        return SecretMask.For(env
            .Select(e => e?.GetValue<string>())
            .OfType<string>()
            .Select(SplitEntry)
            .Select(e => KeyValuePair.Create(e.Name, e.Value)));
    }

    private static (string Name, string Value) SplitEntry(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (entry, "") : (entry[..equals], entry[(equals + 1)..]);
    }
}
