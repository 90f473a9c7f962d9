namespace Smoke.Stack.Images;

/// <summary>
/// How one offline image is made and how compose finds it. <see cref="Variables"/> maps each compose variable to a
/// template over <c>{image}</c> (repository:content-hash), <c>{repository}</c> and <c>{release}</c> (the release tag,
/// or the content hash when none is given).
/// </summary>
public sealed record ImageRecipe(
    string Name,
    string ContextDirectory,
    string Repository,
    IReadOnlyDictionary<string, string> Variables)
{
    /// <summary>The image compose uses when the variables are unset; null for our own images, which no registry holds.</summary>
    public string? OfficialImage { get; init; }

    /// <summary>
    /// A registry image the Dockerfile can build on instead of the debootstrap base (e.g. <c>debian:bookworm-slim</c>), for
    /// recipes with no <see cref="OfficialImage"/>; used when it is on the engine or a registry answers, unless offline.
    /// </summary>
    public string? PullableBase { get; init; }

    /// <summary>Where the published app goes inside the build context (e.g. <c>app</c>), for images that carry it.</summary>
    public string? PublishedAppPath { get; init; }

    /// <summary>Optional build arguments the caller may set (BASE_IMAGE is always passed).</summary>
    public IReadOnlyList<string> OptionalBuildArgs { get; init; } = [];
}
