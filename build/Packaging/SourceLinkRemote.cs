namespace Smoke.Build.Packaging;

/// <summary>
/// Whether SourceLink can map sources to a git remote: it knows hosted remotes (GitHub, GitLab, Azure Repos,
/// Bitbucket) over https or ssh, not a clone of a local folder, which is what CI and throw-away clones have.
/// </summary>
internal static class SourceLinkRemote
{
    public static bool CanMap(string? origin) =>
        origin is { Length: > 0 }
        && (origin.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || origin.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || origin.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)
            || origin.StartsWith("git@", StringComparison.OrdinalIgnoreCase));
}
