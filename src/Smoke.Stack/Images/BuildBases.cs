using Smoke.Stack.Engine;

namespace Smoke.Stack.Images;

/// <summary>
/// Which image each recipe builds on, for one provisioning: the base the caller gave (--base-image), else the recipe's
/// pullable base when it is on the engine or a registry answers, else the Debian base made with debootstrap (once).
/// </summary>
internal sealed class BuildBases(DockerEngineClient engine, RegistryPull pull, ImageProvisioningRequest request, Action<string>? log)
{
    private string? _debianBase;

    /// <summary>The first base any recipe built on (what the tests' containers run as SMOKE_BASE_IMAGE); null when none was needed.</summary>
    public string? FirstUsed { get; private set; }

    /// <summary>The base for <paramref name="recipe"/>; <c>RegistryFailed</c> says a pull just failed in auto mode, so later pulls need not wait for it.</summary>
    public async Task<(string Image, bool RegistryFailed)> ForAsync(ImageRecipe recipe, bool registryAnswers, CancellationToken cancellationToken)
    {
        var (image, registryFailed) = await ChooseAsync(recipe, registryAnswers, cancellationToken).ConfigureAwait(false);
        FirstUsed ??= image;
        return (image, registryFailed);
    }

    internal static string GivenBaseNotPulled(string image, string failure) =>
        $"the base image {image} (--base-image, SMOKE_BASE_IMAGE) is not on the engine and could not be pulled: {failure}; "
        + $"check the name and the registry (docker pull {image}), or leave --base-image unset to use the default base";

    internal static string GivenBaseOffline(string image) =>
        $"the base image {image} (--base-image, SMOKE_BASE_IMAGE) is not on the engine, and --image-source offline never pulls; "
        + $"put it on the engine first (docker pull {image}, or docker import), or leave --base-image unset to have one made with debootstrap";

    internal static string PullableBaseNotPulled(ImageRecipe recipe, string image, string failure) =>
        $"could not pull {image}, the base of the {recipe.Name} image: {failure}; check the registry (docker pull {image}), "
        + "or pass --base-image <an image of Debian bookworm on this engine>, "
        + "or use --image-source auto to fall back to a Debian base made with debootstrap (needs root or passwordless sudo once)";

    private async Task<(string Image, bool RegistryFailed)> ChooseAsync(ImageRecipe recipe, bool registryAnswers, CancellationToken cancellationToken)
    {
        if (request.BaseImage is { } given)
        {
            return (await GivenAsync(given, cancellationToken).ConfigureAwait(false), false);
        }

        if (recipe.PullableBase is { } pullable && request.Source != ImageSource.Offline)
        {
            if (await engine.TryInspectImageAsync(pullable, cancellationToken).ConfigureAwait(false) is not null)
            {
                log?.Invoke($"base image {pullable} is present");
                return (pullable, false);
            }

            if (registryAnswers)
            {
                var failure = await pull.TryAsync(pullable, cancellationToken).ConfigureAwait(false);
                if (failure is null)
                {
                    return (pullable, false);
                }

                if (request.Source == ImageSource.Pull)
                {
                    throw new ImageProvisioningException(PullableBaseNotPulled(recipe, pullable, failure));
                }

                log?.Invoke($"could not pull {pullable} ({failure}); building {recipe.Name} on the Debian base made with debootstrap instead");
                return (await DebianBaseAsync(pullable, cancellationToken).ConfigureAwait(false), true);
            }
        }

        return (await DebianBaseAsync(recipe.PullableBase, cancellationToken).ConfigureAwait(false), false);
    }

    private async Task<string> GivenAsync(string image, CancellationToken cancellationToken)
    {
        if (await engine.TryInspectImageAsync(image, cancellationToken).ConfigureAwait(false) is not null)
        {
            return image;
        }

        if (request.Source == ImageSource.Offline)
        {
            throw new ImageProvisioningException(GivenBaseOffline(image));
        }

        var failure = await pull.TryAsync(image, cancellationToken).ConfigureAwait(false);
        return failure is null ? image : throw new ImageProvisioningException(GivenBaseNotPulled(image, failure));
    }

    private async Task<string> DebianBaseAsync(string? pullableAlternative, CancellationToken cancellationToken) =>
        _debianBase ??= await new DebianBaseImage().EnsureAsync(engine, request.WorkDirectory, log, pullableAlternative, access: null, cancellationToken).ConfigureAwait(false);
}
