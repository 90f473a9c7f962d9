using System.Net.Http.Headers;

namespace SmokeTests.Shared;

/// <summary>HTTP clients for the stack's services, at the base URL the pipeline hands over.</summary>
public static class ServiceHttp
{
    /// <summary>
    /// A client for <paramref name="service"/> (relative paths resolve against <c>SMOKE_&lt;SERVICE&gt;_URL</c>);
    /// a connection failure becomes a <see cref="ServiceUnreachableException"/> naming the service and URL.
    /// </summary>
    /// <param name="service">The compose service, e.g. <c>api</c>.</param>
    /// <param name="bearerToken">Sent as <c>Authorization: Bearer</c> on every request when given.</param>
    public static HttpClient Create(string service, string? bearerToken = null)
    {
        var baseUrl = SmokeEndpoints.Http(service);
        var handler = new ReachabilityHandler(service, baseUrl)
        {
            InnerHandler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10) },
        };
        var client = new HttpClient(handler) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        return client;
    }
}
