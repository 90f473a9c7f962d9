using Smoke.Stack.Engine;

namespace Smoke.Build.Tests.EndToEnd;

/// <summary>What a compose project left on the engine: nothing, when a run cleaned up after itself.</summary>
internal static class LeftoverResources
{
    public static async Task<IReadOnlyList<string>> OfProjectAsync(string project)
    {
        using var engine = DockerEngineClient.FromEnvironment();
        var label = $"com.docker.compose.project={project}";
        var containers = await engine.ListContainersAsync([label], all: true);
        var networks = await engine.ListNetworksAsync([label]);
        var volumes = await engine.ListVolumesAsync([label]);
        return
        [
            .. containers.Select(c => $"container {string.Join(',', c.Names)}"),
            .. networks.Select(n => $"network {n.Name}"),
            .. volumes.Select(v => $"volume {v.Name}"),
        ];
    }
}
