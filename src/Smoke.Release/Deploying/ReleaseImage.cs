namespace Smoke.Release;

/// <summary>An image reference split where compose's variables split it: <c>${SAMPLE_IMAGE}:${RELEASE_TAG}</c>.</summary>
/// <param name="Repository">Everything before the tag, registry and port included, e.g. <c>registry.local:5000/smoke/sample</c>.</param>
public sealed record ReleaseImage(string Repository, string Tag)
{
    /// <exception cref="ArgumentException">The reference has no tag, or is pinned by digest; the message names it.</exception>
    public static ReleaseImage Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var colon = reference.LastIndexOf(':');
        if (reference.Contains('@', StringComparison.Ordinal) || colon < 0 || colon < reference.LastIndexOf('/') || colon == reference.Length - 1)
        {
            throw new ArgumentException(
                $"image reference \"{reference}\" has no tag; a release's images are <repository>:<release>, e.g. smoke/sample:v42",
                nameof(reference));
        }

        return new ReleaseImage(reference[..colon], reference[(colon + 1)..]);
    }

    public override string ToString() => $"{Repository}:{Tag}";
}
