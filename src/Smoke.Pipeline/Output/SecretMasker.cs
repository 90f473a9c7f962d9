namespace Smoke.Pipeline;

/// <summary>Replaces every known secret value with <c>***</c>; longest first, so a secret containing another is masked whole.</summary>
internal sealed class SecretMasker
{
    public const string Mask = "***";

    private readonly Lock gate = new();
    private string[] secrets = [];

    public IReadOnlyList<string> Secrets => secrets;

    public void Add(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            return;
        }

        lock (gate)
        {
            secrets = [.. secrets.Append(secret).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];
        }
    }

    public string Apply(string line)
    {
        foreach (var secret in secrets)
        {
            line = line.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return line;
    }
}
