using System.Text.Json;
using Smoke.Shared;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;
using Smoke.Stack.Readiness;
using Smoke.Stack.Sessions;

namespace Smoke.Release;

/// <summary>
/// An environment's stack on a Docker engine: the compose project <c>smoke-&lt;environment&gt;</c>, labelled as the
/// environment's so no sweep removes it, and moved from release to release by <c>compose up</c>.
/// </summary>
public sealed class ComposeEnvironmentStack : IEnvironmentStack
{
    private readonly EnvironmentStackOptions _options;
    private readonly DockerEngineClient _engine;
    private readonly Func<CancellationToken, Task<ComposeDriver>> _compose;
    private readonly Func<ComposeProject, CancellationToken, Task<ReadinessReport>> _waitReady;
    private readonly ReleaseLog _log;
    private ComposeFileModel? _composeModel;

    /// <param name="compose">The compose command, detected once per run by whoever runs the stack.</param>
    /// <param name="waitReady">Waits until a project's services are ready, as the smoke run does (readiness output, endpoints file).</param>
    public ComposeEnvironmentStack(
        EnvironmentStackOptions options,
        DockerEngineClient engine,
        Func<CancellationToken, Task<ComposeDriver>> compose,
        Func<ComposeProject, CancellationToken, Task<ReadinessReport>> waitReady,
        ReleaseLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _engine = engine;
        _compose = compose;
        _waitReady = waitReady;
        _log = log;
    }

    /// <summary>The environment's compose file, read once.</summary>
    private ComposeFileModel Compose => _composeModel ??= _options.Compose ?? ComposeFileModel.Read([_options.ComposeFile]);

    /// <summary>The environment's compose project name.</summary>
    public string ProjectName => ComposeProjectName.Normalize($"smoke-{_options.Environment}");

    public IReadOnlyDictionary<string, string> ImagesOf(string release)
    {
        var tagVariable = _options.AppRecipe.Variables.First(pair => pair.Value == "{release}").Key;
        var services = ReleaseServices.WhoseImageUses(Compose, tagVariable);
        if (services.Count == 0)
        {
            throw new DeployFailedException(
                $"no service of {Path.GetRelativePath(_options.WorkingDirectory, _options.ComposeFile)} takes its image tag from ${{{tagVariable}}}, so there is nothing a release could change; " +
                $"write application services' images as ${{SAMPLE_IMAGE}}:${{{tagVariable}}}");
        }

        var repository = _options.Repository ?? _options.AppRecipe.Repository;
        return services.ToDictionary(service => service, _ => $"{repository}:{release}", StringComparer.Ordinal);
    }

    public async Task EnsureImagesExistAsync(IReadOnlyDictionary<string, string> images, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        foreach (var image in images.Values.Distinct(StringComparer.Ordinal))
        {
            if (await _engine.TryInspectImageAsync(image, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            if (_options.ImageSource == ImageSource.Pull)
            {
                await _engine.PullImageAsync(image, _log.Debug, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw new DeployFailedException(
                $"{what}: its image {image} is not on the Docker engine. A release is an image that was built and published before it is deployed; " +
                $"Deploy never builds one from source. Build or pull {image} (or pass --image-source pull to pull it from its registry), then run again. " +
                $"Nothing was changed in \"{_options.Environment}\".");
        }
    }

    public async Task<ComposeProject> ProjectAsync(IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(images);
        var release = ReleaseImage.Parse(images.Values.First());
        var variables = new Dictionary<string, string>(_options.ImageVariables, StringComparer.Ordinal);
        foreach (var (variable, template) in _options.AppRecipe.Variables)
        {
            variables[variable] = template switch
            {
                "{repository}" => release.Repository,
                "{release}" => release.Tag,
                _ => await CompanionImageAsync(variable, release, cancellationToken).ConfigureAwait(false),
            };
        }

        return new ComposeProject([_options.ComposeFile], StackSession.ForEnvironment(_options.Environment), ProjectName)
        {
            Model = Compose,
            EnvFile = _options.EnvFile,
            Variables = variables,
            WorkingDirectory = _options.WorkingDirectory,
            StateDirectory = Path.Combine(_options.StacksDirectory, ProjectName),
        };
    }

    public async Task MoveToAsync(ComposeProject project, string release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        var compose = await _compose(cancellationToken).ConfigureAwait(false);
        _log.Info($"moving {project.Name} to {release} with {compose.CommandName} {compose.Version}; services whose image is unchanged keep running");
        await compose.UpAsync(project, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReadinessReport> BringBackAsync(IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        var project = await ProjectAsync(images, cancellationToken).ConfigureAwait(false);
        var compose = await _compose(cancellationToken).ConfigureAwait(false);
        await compose.UpAsync(project, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await _waitReady(project, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> DescribeRunningAsync(CancellationToken cancellationToken)
    {
        var containers = await ContainersAsync(cancellationToken).ConfigureAwait(false);
        return containers.Count == 0
            ? "nothing (no container of its stack exists)"
            : string.Join(", ", containers
                .OrderBy(container => container.Labels.GetValueOrDefault(ComposeLabels.Service), StringComparer.Ordinal)
                .Select(container => $"{container.Labels.GetValueOrDefault(ComposeLabels.Service, container.Name)} {container.Image} ({container.Status})"));
    }

    public async Task<string> WriteDiagnosticsAsync(string directory, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        Directory.CreateDirectory(directory);
        var containers = await ContainersAsync(cancellationToken).ConfigureAwait(false);
        var rows = containers.Select(container => new
        {
            Service = container.Labels.GetValueOrDefault(ComposeLabels.Service),
            container.Name,
            container.Image,
            container.State,
            container.Status,
        });
        var summary = Path.Combine(directory, $"environment-{_options.Environment}.json");
        await File.WriteAllTextAsync(summary, JsonSerializer.Serialize(rows, DeployOutcome.Json), cancellationToken).ConfigureAwait(false);
        var mask = new SecretMask(secrets);
        foreach (var container in containers.Where(container => container.State != "running"))
        {
            var lines = await _engine.GetContainerLogsAsync(container.Id, new ContainerLogOptions { Tail = 200, Timestamps = true }, cancellationToken).ConfigureAwait(false);
            var text = string.Join('\n', lines.Select(line => mask.Apply(line.ToString())));
            await File.WriteAllTextAsync(Path.Combine(directory, $"{container.Name}.log"), text + "\n", cancellationToken).ConfigureAwait(false);
        }

        return await DescribeRunningAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An image made from the app that is not the release (the generator stub) is infrastructure: it keeps what the
    /// environment runs, so a deploy does not restart it. The first deploy starts it from the release's image.
    /// </summary>
    private async Task<string> CompanionImageAsync(string variable, ReleaseImage release, CancellationToken cancellationToken)
    {
        if (System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given)
        {
            return given;
        }

        foreach (var service in ReleaseServices.WhoseImageUses(Compose, variable))
        {
            var running = await _engine.ListContainersAsync([$"{ComposeLabels.Project}={ProjectName}", $"{ComposeLabels.Service}={service}"], all: true, cancellationToken)
                .ConfigureAwait(false);
            if (running.FirstOrDefault() is { } container
                && !container.Image.StartsWith("sha256:", StringComparison.Ordinal)
                && await _engine.TryInspectImageAsync(container.Image, cancellationToken).ConfigureAwait(false) is not null)
            {
                return container.Image;
            }
        }

        return release.ToString();
    }

    private async Task<IReadOnlyList<ContainerSummary>> ContainersAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _engine.ListContainersAsync([$"{ComposeLabels.Project}={ProjectName}"], all: true, cancellationToken).ConfigureAwait(false);
        }
        catch (DockerEngineUnreachableException)
        {
            return [];
        }
    }
}
