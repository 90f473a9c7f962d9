using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sample.Generator;

namespace Sample.Tests.Platform;

/// <summary>
/// The sample app in-process, in the role and with the settings given (as if from its environment).
/// With <paramref name="generator"/>, calls to the generator go to that handler instead of the network.
/// </summary>
public sealed class SampleFactory(IReadOnlyDictionary<string, string?> settings, Func<HttpMessageHandler>? generator = null)
    : WebApplicationFactory<Program>
{
    public const string ReadWriteToken = "test-read-write-token";
    public const string ReadOnlyToken = "test-read-only-token";

    public HttpClient CreateClient(string? token)
    {
        var client = CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }

        if (generator is not null)
        {
            builder.ConfigureTestServices(services => services.AddHttpClient<GeneratorClient>().ConfigurePrimaryHttpMessageHandler(generator));
        }
    }
}
