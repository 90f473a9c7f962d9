using Smoke.Shared;

namespace Smoke.Testing.Running;

/// <summary>Replaces secret values with <c>***</c>; longest first, so a secret that contains another is masked whole.</summary>
internal sealed class SecretMask
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretMask(IEnumerable<string> secrets) =>
        _secrets = secrets
            .Where(secret => !string.IsNullOrWhiteSpace(secret))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(secret => secret.Length)
            .ToArray();

    public static SecretMask None { get; } = new([]);

    /// <summary>The explicit secrets and the values of variables whose names say they hold one.</summary>
    public static SecretMask For(IReadOnlyDictionary<string, string> environment, IEnumerable<string> secrets) =>
        new(environment
            .Where(variable => SecretNames.HoldsSecret(variable.Key))
            .Select(variable => variable.Value)
            .Concat(secrets));

    public string Apply(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);
}
