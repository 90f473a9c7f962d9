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
    public const string Mask = "***";

    // Short values (ports, flags) would mask half of every line; they are not secrets worth the noise.
    private const int ShortestMaskedValue = 4;

    public static bool IsSecretName(string name) =>
        SecretNames.HoldsSecret(name);

    /// <summary>The inspect JSON, indented, with <c>Config.Env</c> secret values replaced by <see cref="Mask"/>.</summary>
    public static string RedactInspect(string rawJson)
    {
        var root = JsonNode.Parse(rawJson);
        if (root?["Config"]?["Env"] is JsonArray env)
        {
            for (var i = 0; i < env.Count; i++)
            {
                if (env[i]?.GetValue<string>() is { } entry && SplitEntry(entry) is var (name, _) && IsSecretName(name))
                {
                    env[i] = $"{name}={Mask}";
                }
            }
        }

        return root?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? rawJson;
    }

    /// <summary>The secret values of a container's environment, longest first so a value containing another is masked whole.</summary>
    public static IReadOnlyList<string> SecretValues(string rawJson)
    {
        var root = JsonNode.Parse(rawJson);
        if (root?["Config"]?["Env"] is not JsonArray env)
        {
            return [];
        }

        return env
            .Select(e => e?.GetValue<string>())
            .OfType<string>()
            .Select(SplitEntry)
            .Where(e => IsSecretName(e.Name) && e.Value.Length >= ShortestMaskedValue)
            .Select(e => e.Value)
            .Distinct()
            .OrderByDescending(v => v.Length)
            .ToList();
    }

    public static string MaskValues(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static (string Name, string Value) SplitEntry(string entry)
    {
        var equals = entry.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (entry, "") : (entry[..equals], entry[(equals + 1)..]);
    }
}
