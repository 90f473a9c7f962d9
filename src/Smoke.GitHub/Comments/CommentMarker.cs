namespace Smoke.GitHub;

/// <summary>The hidden HTML comment that identifies a comment Smoke keeps up to date.</summary>
internal static class CommentMarker
{
    public static string For(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("--", StringComparison.Ordinal) || key.Contains('>', StringComparison.Ordinal)
            || key.Any(char.IsControl))
        {
            throw new ArgumentException(
                $"\"{key}\" cannot mark a comment: use a non-empty key on one line without \"--\" or \">\", e.g. smoke-report:staging.", nameof(key));
        }

        return $"<!-- smoke:{key.Trim()} -->";
    }
}
