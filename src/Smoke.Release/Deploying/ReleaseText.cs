namespace Smoke.Release;

/// <summary>How images and reasons read in the messages of a deploy or rollback.</summary>
internal static class ReleaseText
{
    /// <summary><c>api smoke/sample:v42, worker smoke/sample:v42</c>, by service name.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> images) =>
        string.Join(", ", images.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));

    public static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];
}
