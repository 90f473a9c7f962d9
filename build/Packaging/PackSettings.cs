namespace Smoke.Build.Packaging;

/// <summary>
/// How to pack: <see cref="Timestamp"/> (seconds since the Unix epoch, the commit's time) stamps every file in the
/// packages so the same commit packs to the same bytes; null leaves the packing time.
/// </summary>
internal sealed record PackSettings(string OutputDirectory, string? Version, string? RepositoryUrl, long? Timestamp)
{
    public const string Configuration = "Release";
}
