using System.Text.Json;
using Smoke.Stack.Readiness;

namespace Smoke.Stack.Tests.Readiness;

public sealed class StackEndpointsTests
{
    private static readonly StackEndpoints Endpoints = new(
    [
        new ServiceEndpoint("api-gateway", "127.0.0.1", new Dictionary<int, int> { [8080] = 49153, [9090] = 49154 }, new Uri("http://127.0.0.1:49153")),
        new ServiceEndpoint("postgres", "127.0.0.1", new Dictionary<int, int> { [5432] = 49160 }, null),
    ]);

    [Fact]
    public void Variables_name_the_service_upper_cased_with_dashes_as_underscores()
    {
        var environment = Endpoints.ToEnvironment();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["SMOKE_API_GATEWAY_HOST"] = "127.0.0.1",
                ["SMOKE_API_GATEWAY_PORT_8080"] = "49153",
                ["SMOKE_API_GATEWAY_PORT_9090"] = "49154",
                ["SMOKE_API_GATEWAY_URL"] = "http://127.0.0.1:49153",
                ["SMOKE_POSTGRES_HOST"] = "127.0.0.1",
                ["SMOKE_POSTGRES_PORT_5432"] = "49160",
            },
            environment);
    }

    [Fact]
    public async Task The_endpoints_file_holds_the_same_names_with_ports_as_numbers()
    {
        var directory = Directory.CreateTempSubdirectory("smoke-endpoints-").FullName;
        try
        {
            var path = await Endpoints.WriteFileAsync(Path.Combine(directory, "nested", "endpoints.json"));

            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("SMOKE_POSTGRES_PORT_5432").ValueKind);
            Assert.Equal(49160, json.RootElement.GetProperty("SMOKE_POSTGRES_PORT_5432").GetInt32());
            Assert.Equal("http://127.0.0.1:49153", json.RootElement.GetProperty("SMOKE_API_GATEWAY_URL").GetString());
            Assert.Equal(6, json.RootElement.EnumerateObject().Count());
            Assert.Equal(path, Endpoints.ToEnvironment(path)[StackEndpoints.EndpointsFileVariable]);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
