namespace Smoke.Pipeline;

/// <summary>An OnlyWhen condition and its source text, which becomes the skip reason.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text)
{
    public static string Describe(string? sourceText)
    {
        var text = (sourceText ?? "condition").Trim();
        if (text.StartsWith("()", StringComparison.Ordinal))
        {
            text = text[2..].TrimStart();
            if (text.StartsWith("=>", StringComparison.Ordinal))
            {
                text = text[2..].TrimStart();
            }
        }

        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
