using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Images;

public sealed class LocalRegistryTests
{
    [Fact]
    public async Task A_missing_registry_binary_fails_with_how_to_install_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalRegistry.StartAsync("/nonexistent/docker-registry"));

        Assert.Equal(
            "/nonexistent/docker-registry is missing: these tests pull from a real registry on 127.0.0.1. Install it (apt-get install -y docker-registry, as root or with sudo) and run them again.",
            error.Message);
    }

    [Fact]
    public async Task A_started_registry_answers_and_is_gone_after_dispose()
    {
        string address;
        await using (var registry = await LocalRegistry.StartAsync())
        {
            address = registry.Address;
            using var http = new HttpClient();
            Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync($"http://{address}/v2/")).StatusCode);
        }

        using var after = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => after.GetAsync($"http://{address}/v2/"));
    }
}
