using Smoke.Stack.Engine;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Engine;

public sealed class NetworkAndVolumeApiTests
{
    [Fact]
    public async Task Networks_and_volumes_are_listed_by_label_and_removed()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var unique = TestLabels.Unique();
        var labels = new Dictionary<string, string> { ["io.smoke.test"] = "true", [unique.Key] = unique.Value };
        var filter = new[] { $"{unique.Key}={unique.Value}" };

        var network = await client.CreateNetworkAsync($"smoke-test-{unique.Value}", labels);
        var volume = await client.CreateVolumeAsync($"smoke-test-{unique.Value}", labels);
        var networks = await client.ListNetworksAsync(filter);
        var volumes = await client.ListVolumesAsync(filter);
        await client.RemoveNetworkAsync(network);
        await client.RemoveVolumeAsync(volume);

        Assert.Equal(network, Assert.Single(networks).Id);
        Assert.Equal(volume, Assert.Single(volumes).Name);
        Assert.Equal(unique.Value, volumes[0].Labels[unique.Key]);
        Assert.Empty(await client.ListNetworksAsync(filter));
        Assert.Empty(await client.ListVolumesAsync(filter));
    }
}
