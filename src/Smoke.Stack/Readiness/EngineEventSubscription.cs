using System.Globalization;
using System.Runtime.CompilerServices;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>
/// An open <c>/events</c> stream. Unlike <see cref="DockerEngineClient.MonitorEventsAsync"/>, opening returns once
/// the engine has answered, so whatever is inspected afterwards cannot miss a change. The engine flushes its
/// headers a moment before it subscribes, hence <c>since</c> a little in the past: those events are replayed.
/// </summary>
internal sealed class EngineEventSubscription : IDisposable
{
    private static readonly TimeSpan Replay = TimeSpan.FromSeconds(1);

    private readonly HttpResponseMessage _response;
    private readonly Stream _stream;

    private EngineEventSubscription(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _stream = stream;
    }

    public static async Task<EngineEventSubscription> OpenAsync(DockerEngineClient engine, EngineEventFilter filter, TimeProvider clock, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow() - Replay;
        var query = new QueryString()
            .Add("since", (since.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture))
            .AddFilters(filter.ToEngineFilters());
        var response = await engine.SendAsync(HttpMethod.Get, $"/events{query}", cancellationToken, streaming: true).ConfigureAwait(false);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new EngineEventSubscription(response, stream);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    public async IAsyncEnumerable<EngineEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var message in EngineJson.ReadLinesAsync<EngineEventMessage>(_stream, cancellationToken).ConfigureAwait(false))
        {
            yield return message.ToEvent();
        }
    }

    public void Dispose()
    {
        _stream.Dispose();
        _response.Dispose();
    }
}
