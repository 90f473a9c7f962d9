using System.Text.Json;
using Smoke.Release;
using Smoke.Stack.Engine;

namespace Smoke.Build.Tests.Release;

/// <summary>
/// A deployment environment of its own for a test, and everything a deploy to it leaves: its compose project
/// (containers, network, volumes), its release state and lock files, and its session override, all removed on dispose.
/// </summary>
internal sealed class TestEnvironment : IAsyncDisposable
{
    private readonly DockerEngineClient engine;

    public TestEnvironment(DockerEngineClient engine, string purpose)
    {
        this.engine = engine;
        Name = $"t-{purpose}-{Guid.NewGuid().ToString("N")[..6]}";
    }

    public string Name { get; }

    public string ProjectName => $"smoke-{Name}";

    public ReleaseStateStore Store { get; } = new(RepositoryRoot.Path);

    public string StatePath => Store.StatePath(Name);

    public async Task<ReleaseState> ReadStateAsync() => await Store.ReadAsync(Name, CancellationToken.None);

    /// <summary>The state file's JSON as written, for assertions that do not trust the reader.</summary>
    public JsonDocument ReadStateJson() => JsonDocument.Parse(File.ReadAllText(StatePath));

    /// <summary>Service name to the image its container runs, for the services of the environment's stack.</summary>
    public async Task<Dictionary<string, (string Image, string State)>> ContainersAsync()
    {
        var containers = await engine.ListContainersAsync([$"com.docker.compose.project={ProjectName}"], all: true);
        return containers
            .Where(container => container.Labels.ContainsKey("com.docker.compose.service"))
            .GroupBy(container => container.Labels["com.docker.compose.service"])
            .ToDictionary(group => group.Key, group => (group.First().Image, group.First().State));
    }

    public async ValueTask DisposeAsync()
    {
        var filter = $"com.docker.compose.project={ProjectName}";
        foreach (var container in await engine.ListContainersAsync([filter], all: true))
        {
            await engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: true);
        }

        foreach (var network in await engine.ListNetworksAsync([filter]))
        {
            await engine.RemoveNetworkAsync(network.Id);
        }

        foreach (var volume in await engine.ListVolumesAsync([filter]))
        {
            await engine.RemoveVolumeAsync(volume.Name, true);
        }

        foreach (var file in Directory.Exists(Store.Directory) ? Directory.GetFiles(Store.Directory, Name + ".*") : [])
        {
            File.Delete(file);
        }

        var stackState = Path.Combine(RepositoryRoot.Path, ".nuke", "temp", "stacks", ProjectName);
        if (Directory.Exists(stackState))
        {
            Directory.Delete(stackState, recursive: true);
        }
    }
}
