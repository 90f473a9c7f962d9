namespace SmokeTests.Shared;

/// <summary>Turns "connection refused" and its kin into a <see cref="ServiceUnreachableException"/> that names the service.</summary>
internal sealed class ReachabilityHandler(string service, Uri baseUrl) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            throw new ServiceUnreachableException(service, baseUrl.ToString(), e);
        }
    }
}
