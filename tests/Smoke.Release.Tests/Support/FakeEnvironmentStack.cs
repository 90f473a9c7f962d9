using Smoke.Stack.Compose;
using Smoke.Stack.Readiness;
using Smoke.Stack.Sessions;

namespace Smoke.Release.Tests.Support;

/// <summary>
/// An environment stack in memory, for the flows' decisions: it remembers which images run and what it was asked, and
/// fails where a test says. ComposeEnvironmentStack's own tests run the real one on Docker.
/// </summary>
internal sealed class FakeEnvironmentStack(string environment) : IEnvironmentStack
{
    /// <summary>Images the "engine" does not have.</summary>
    public HashSet<string> MissingImages { get; } = [];

    /// <summary>Service to the image it runs now; empty before the first deploy.</summary>
    public Dictionary<string, string> Running { get; } = [];

    /// <summary>What a rollback's wait reports; every service ready unless a test says otherwise.</summary>
    public Func<ReadinessReport> Readiness { get; set; } = () => SmokeResults.Readiness();

    /// <summary>Runs as a rollback's compose up starts, e.g. to press Ctrl+C a second time.</summary>
    public Action? OnBringBack { get; set; }

    /// <summary>Thrown by the next rollback's compose up, when set.</summary>
    public Exception? BringBackFailure { get; set; }

    /// <summary>Where the diagnostics went, and the secrets they masked, once written.</summary>
    public (string Directory, IReadOnlyList<string> Secrets)? Diagnostics { get; private set; }

    public IReadOnlyDictionary<string, string> ImagesOf(string release) =>
        new Dictionary<string, string> { ["api"] = $"smoke/sample:{release}", ["worker"] = $"smoke/sample:{release}" };

    public Task EnsureImagesExistAsync(IReadOnlyDictionary<string, string> images, string what, CancellationToken cancellationToken) =>
        images.Values.FirstOrDefault(MissingImages.Contains) is { } missing
            ? throw new DeployFailedException($"{what}: its image {missing} is not on the Docker engine")
            : Task.CompletedTask;

    public Task<ComposeProject> ProjectAsync(IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken) =>
        Task.FromResult(new ComposeProject(["/repo/docker-compose.services.yml"], StackSession.ForEnvironment(environment), $"smoke-{environment}")
        {
            Variables = new Dictionary<string, string>(images),
        });

    public Task MoveToAsync(ComposeProject project, string release, CancellationToken cancellationToken)
    {
        Run(project.Variables);
        return Task.CompletedTask;
    }

    public Task<ReadinessReport> BringBackAsync(IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        OnBringBack?.Invoke();
        cancellationToken.ThrowIfCancellationRequested();
        if (BringBackFailure is { } failure)
        {
            throw failure;
        }

        Run(images);
        return Task.FromResult(Readiness());
    }

    public Task<string> DescribeRunningAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Running.Count == 0 ? "nothing (no container of its stack exists)" : string.Join(", ", Running.Select(pair => $"{pair.Key} {pair.Value} (Up 1 minute)")));

    public Task<string> WriteDiagnosticsAsync(string directory, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        Diagnostics = (directory, secrets);
        return DescribeRunningAsync(cancellationToken);
    }

    private void Run(IReadOnlyDictionary<string, string> images)
    {
        foreach (var (service, image) in images)
        {
            Running[service] = image;
        }
    }
}
