using Smoke.Stack.Compose;

namespace Smoke.Stack.Images;

/// <summary>What the Images step asks for: images for the services of <paramref name="Compose"/>.</summary>
public sealed record ImageProvisioningRequest(ComposeFileModel Compose, string RepositoryRoot)
{
    public ImageSource Source { get; init; } = ImageSource.Auto;

    /// <summary>The recipes to consider; the bundled ones by default.</summary>
    public IReadOnlyList<ImageRecipe> Recipes { get; init; } = ImageRecipes.Bundled;

    /// <summary>
    /// A Debian bookworm image every built image starts from, instead of a recipe's pullable base or the debootstrap base
    /// (--base-image, SMOKE_BASE_IMAGE); pulled when it is not on the engine, except offline.
    /// </summary>
    public string? BaseImage { get; init; }

    /// <summary>The output of <c>dotnet publish</c> for recipes that carry the app (copied to their <see cref="ImageRecipe.PublishedAppPath"/>).</summary>
    public string? PublishedAppDirectory { get; init; }

    /// <summary>An extra tag for app images (compose's RELEASE_TAG), e.g. <c>dev</c> or <c>v42</c>.</summary>
    public string? ReleaseTag { get; init; }

    /// <summary>Values for the recipes' optional build arguments, e.g. <c>SAMPLE_FAULT=http-500</c>.</summary>
    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a pull may take to show that a registry answers at all, in auto mode.</summary>
    public TimeSpan PullProbeTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Where debootstrap may write the base root filesystem (about 200 MB, removed after the import).</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "smoke-images");
}
