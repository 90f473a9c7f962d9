using System.Text.RegularExpressions;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Images;

/// <summary>
/// Makes every image the compose files need exist (what the Images step runs). Images behind a recipe's variable
/// (<c>${POSTGRES_IMAGE:-postgres:16}</c>) are pulled or built offline depending on <see cref="ImageSource"/>; plain
/// references must be present or pullable. Offline images are tagged by the hash of what built them and never
/// rebuilt while that tag exists.
/// </summary>
public sealed partial class ImageProvisioner
{
    private readonly DockerEngineClient _engine;
    private readonly Action<string>? _log;

    public ImageProvisioner(DockerEngineClient engine, Action<string>? log = null)
    {
        _engine = engine;
        _log = log;
    }

    public async Task<ImageProvisioningResult> ProvisionAsync(ImageProvisioningRequest request, CancellationToken cancellationToken = default)
    {
        var references = ImageReferences(request.Compose);
        var images = new List<ProvisionedImage>();
        var variables = new Dictionary<string, string>();
        var registryAnswers = request.Source != ImageSource.Offline;
        var pull = new RegistryPull(_engine, request.PullProbeTimeout, _log);
        var bases = new BuildBases(_engine, pull, request, _log);

        foreach (var recipe in request.Recipes.Where(r => references.Any(reference => Mentions(reference.Image, r))))
        {
            if (recipe.OfficialImage is { } official && request.Source != ImageSource.Offline)
            {
                if (await _engine.TryInspectImageAsync(official, cancellationToken).ConfigureAwait(false) is not null)
                {
                    images.Add(new ProvisionedImage(recipe.Name, official, ImageOrigin.Present));
                    continue;
                }

                if (registryAnswers)
                {
                    var failure = await pull.TryAsync(official, cancellationToken).ConfigureAwait(false);
                    if (failure is null)
                    {
                        images.Add(new ProvisionedImage(recipe.Name, official, ImageOrigin.Pulled));
                        continue;
                    }

                    if (request.Source == ImageSource.Pull)
                    {
                        throw new ImageProvisioningException(
                            $"could not pull {official} for {recipe.Name}: {failure}; check the registry (docker login, proxy) or use --image-source offline to build it from Debian packages");
                    }

                    _log?.Invoke($"no registry answers ({failure}); building offline images instead");
                    registryAnswers = false;
                }
            }

            var (baseImage, registryFailed) = await bases.ForAsync(recipe, registryAnswers, cancellationToken).ConfigureAwait(false);
            registryAnswers &= !registryFailed;
            var (reference, origin, hash) = await BuildAsync(recipe, baseImage, request, cancellationToken).ConfigureAwait(false);
            images.Add(new ProvisionedImage(recipe.Name, reference, origin));
            foreach (var (variable, template) in recipe.Variables)
            {
                variables[variable] = template
                    .Replace("{image}", reference, StringComparison.Ordinal)
                    .Replace("{repository}", recipe.Repository, StringComparison.Ordinal)
                    .Replace("{release}", recipe.PublishedAppPath is not null && request.ReleaseTag is { } release ? release : hash, StringComparison.Ordinal);
            }
        }

        foreach (var (service, image) in references.Where(r => !r.Image.Contains('$', StringComparison.Ordinal)))
        {
            images.Add(await EnsurePlainImageAsync(service, image, pull, registryAnswers, cancellationToken).ConfigureAwait(false));
        }

        var result = new ImageProvisioningResult(images, variables, bases.FirstUsed);
        _log?.Invoke($"images ready: {result}");
        return result;
    }

    private async Task<(string Reference, ImageOrigin Origin, string Hash)> BuildAsync(ImageRecipe recipe, string baseImage, ImageProvisioningRequest request, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(request.RepositoryRoot, recipe.ContextDirectory);
        var context = new BuildContext();
        if (recipe.PublishedAppPath is { } appPath)
        {
            if (request.PublishedAppDirectory is { } published)
            {
                context.Add(directory, exclude: appPath).Add(published, appPath);
            }
            else if (Directory.Exists(Path.Combine(directory, appPath)))
            {
                context.Add(directory);
            }
            else
            {
                throw new ImageProvisioningException(
                    $"the {recipe.Name} image needs the published app in {recipe.ContextDirectory}/{appPath}, and none was given: "
                    + $"publish it (dotnet publish src/Sample/Sample.csproj -c Release -r linux-x64 --self-contained true -o <dir>) and pass the directory");
            }
        }
        else
        {
            context.Add(directory);
        }

        var baseId = (await _engine.TryInspectImageAsync(baseImage, cancellationToken).ConfigureAwait(false))?.Id ?? baseImage;
        var buildArgs = new Dictionary<string, string> { ["BASE_IMAGE"] = baseImage };
        foreach (var name in recipe.OptionalBuildArgs)
        {
            if (request.BuildArgs.TryGetValue(name, out var value))
            {
                buildArgs[name] = value;
            }
        }

        // The base's id, not its tag, goes into the hash: a re-made base means rebuilt images.
        var hash = await context.HashAsync(new Dictionary<string, string>(buildArgs) { ["BASE_IMAGE"] = baseId }, cancellationToken).ConfigureAwait(false);
        var reference = $"{recipe.Repository}:{hash}";
        var release = recipe.PublishedAppPath is not null ? request.ReleaseTag : null;
        if (await _engine.TryInspectImageAsync(reference, cancellationToken).ConfigureAwait(false) is not null)
        {
            _log?.Invoke($"{reference} is present (same content), not rebuilding");
            if (release is not null)
            {
                await _engine.TagImageAsync(reference, $"{recipe.Repository}:{release}", cancellationToken).ConfigureAwait(false);
            }

            return (reference, ImageOrigin.Present, hash);
        }

        _log?.Invoke($"building {reference} from {recipe.ContextDirectory} ({context.Count} files) on {baseImage}");
        List<string> tags = [reference];
        if (release is not null)
        {
            tags.Add($"{recipe.Repository}:{release}");
        }

        var build = new ImageBuildRequest(tags)
        {
            BuildArgs = buildArgs,
            Labels = new Dictionary<string, string> { ["io.smoke.recipe"] = recipe.Name, ["io.smoke.content-hash"] = hash },
        };
        try
        {
            await context.StreamAsync(tar => _engine.BuildImageAsync(build, tar, _log, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (DockerEngineApiException ex)
        {
            throw new ImageProvisioningException($"building the {recipe.Name} image ({reference}) from {recipe.ContextDirectory} failed: {ex.EngineMessage}", ex);
        }

        return (reference, ImageOrigin.Built, hash);
    }

    private async Task<ProvisionedImage> EnsurePlainImageAsync(string service, string image, RegistryPull pull, bool registryAnswers, CancellationToken cancellationToken)
    {
        if (await _engine.TryInspectImageAsync(image, cancellationToken).ConfigureAwait(false) is not null)
        {
            return new ProvisionedImage(service, image, ImageOrigin.Present);
        }

        var failure = registryAnswers ? await pull.TryAsync(image, cancellationToken).ConfigureAwait(false) : "offline";
        return failure is null
            ? new ProvisionedImage(service, image, ImageOrigin.Pulled)
            : throw new ImageProvisioningException(
                $"service \"{service}\": image {image} is not on the engine and could not be pulled ({failure}); no offline recipe makes it, so pull or build it by hand");
    }

    /// <summary>Each service's raw <c>image:</c> value, variables not yet interpolated; services that build their own are left to compose.</summary>
    internal static IReadOnlyList<(string Service, string Image)> ImageReferences(ComposeFileModel compose) =>
        compose.Services.Where(s => !s.Builds && s.Image is not null).Select(s => (s.Name, s.Image!)).ToList();

    private static bool Mentions(string image, ImageRecipe recipe) =>
        VariableReference().Matches(image).Any(m => recipe.Variables.ContainsKey(m.Groups["name"].Value));

    [GeneratedRegex(@"\$\{?(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableReference();
}
