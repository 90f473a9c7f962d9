using System.Net;

namespace Sample.Tests.Platform;

/// <summary>A generator that answers every call with 500, and counts the calls.</summary>
public sealed class FailingGenerator
{
    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(FailingGenerator owner) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner.calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("generator is down") });
        }
    }
}
