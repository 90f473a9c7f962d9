namespace Smoke.Shared;

/// <summary>
/// The one masker: replaces each secret value with <see cref="Mask"/>, longest first, so that a secret containing
/// another is masked whole. The build's log, the smoke runner's kept output, the reports and the container
/// diagnostics all mask through it, with one rule for which values count (<see cref="Masks"/>).
/// </summary>
internal sealed class SecretMask
{
    public const string Mask = "***";

    /// <summary>
    /// Values shorter than this are not masked: a 3-character value (a port, "yes", "dev") would turn every
    /// occurrence of those characters into <c>***</c> and hide more than it protects. ValidateConfig's
    /// development-credential check is where a short password is caught.
    /// </summary>
    public const int ShortestMaskedValue = 4;

    private readonly string[] _values;

    public SecretMask(IEnumerable<string?> values) =>
        _values = values
            .OfType<string>()
            .Where(Masks)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)
            .ToArray();

    public static SecretMask None { get; } = new([]);

    /// <summary>The values masked, longest first.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Whether <paramref name="value"/> is one the mask hides: not blank and at least <see cref="ShortestMaskedValue"/> long.</summary>
    public static bool Masks(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length >= ShortestMaskedValue;

    /// <summary>The values of <paramref name="variables"/> whose names hold a secret (<see cref="SecretNames"/>), and <paramref name="secrets"/>.</summary>
    public static SecretMask For(IEnumerable<KeyValuePair<string, string>> variables, IEnumerable<string>? secrets = null) =>
        new(variables
            .Where(variable => SecretNames.HoldsSecret(variable.Key))
            .Select(variable => variable.Value)
            .Concat(secrets ?? []));

    /// <summary>This mask and <paramref name="values"/>.</summary>
    public SecretMask With(IEnumerable<string?> values) => new(_values.Concat(values));

    public string Apply(string text)
    {
        foreach (var value in _values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    public string? ApplyOrNull(string? text) => text is null ? null : Apply(text);
}
