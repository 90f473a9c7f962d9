namespace Smoke.Stack.Installation;

/// <summary>The Debian mirror this machine's apt already uses, read from its sources (one-line and deb822 formats).</summary>
internal static class AptSources
{
    public const string FallbackMirror = "http://deb.debian.org/debian";

    /// <summary>The URI of the first entry that serves a release suite (not -security or -updates) with the main component.</summary>
    public static string DebianMirror(string root = "/")
    {
        var directory = Path.Combine(root, "etc", "apt");
        var files = new[] { Path.Combine(directory, "sources.list") }
            .Concat(Directory.Exists(Path.Combine(directory, "sources.list.d"))
                ? Directory.EnumerateFiles(Path.Combine(directory, "sources.list.d")).Where(f => f.EndsWith(".list", StringComparison.Ordinal) || f.EndsWith(".sources", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                : [])
            .Where(File.Exists);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var mirror = file.EndsWith(".sources", StringComparison.Ordinal) ? FromDeb822(text) : FromOneLine(text);
            if (mirror is not null)
            {
                return mirror;
            }
        }

        return FallbackMirror;
    }

    private static string? FromOneLine(string text) =>
        text.Split('\n')
            .Select(line => line.Split('#')[0].Trim())
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"\[[^\]]*\]", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 4 && fields[0] == "deb" && IsReleaseSuite(fields[2]) && fields.Skip(3).Contains("main"))
            .Select(fields => fields[1])
            .FirstOrDefault();

    private static string? FromDeb822(string text)
    {
        foreach (var stanza in text.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = stanza.Split('\n')
                .Where(line => !line.TrimStart().StartsWith('#') && line.Contains(':', StringComparison.Ordinal))
                .Select(line => line.Split(':', 2))
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            if (fields.GetValueOrDefault("Types", "").Split(' ').Contains("deb")
                && fields.GetValueOrDefault("Suites", "").Split(' ').Any(IsReleaseSuite)
                && fields.GetValueOrDefault("Components", "").Split(' ').Contains("main")
                && fields.GetValueOrDefault("URIs", "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } uri)
            {
                return uri;
            }
        }

        return null;
    }

    private static bool IsReleaseSuite(string suite) => suite.Length > 0 && !suite.Contains('-', StringComparison.Ordinal) && !suite.Contains('/', StringComparison.Ordinal);
}
