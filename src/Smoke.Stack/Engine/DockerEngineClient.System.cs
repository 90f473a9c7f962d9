using System.Net.Http.Json;
using System.Runtime.CompilerServices;

namespace Smoke.Stack.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>Asks the daemon whether it is there; throws <see cref="DockerEngineUnreachableException"/> when it is not.</summary>
    public async Task<EnginePing> PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendRawAsync(HttpMethod.Get, "/_ping", null, _options.PingTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DockerEngineUnreachableException(Endpoint, $"/_ping answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
        return new EnginePing(Header("Api-Version"), Header("OSType"), Header("Builder-Version"));
    }

    public Task<EngineVersion> GetVersionAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<EngineVersion>("/version", cancellationToken);

    public Task<EngineInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<EngineInfo>("/info", cancellationToken);

    /// <summary>
    /// The engine's event stream, as it happens. Without <see cref="EngineEventFilter.Until"/> it never ends on its
    /// own: stop it with the token.
    /// </summary>
    public async IAsyncEnumerable<EngineEvent> MonitorEventsAsync(
        EngineEventFilter? filter = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        filter ??= new EngineEventFilter();
        var query = new QueryString()
            .Add("since", filter.Since is { } since ? UnixTime(since) : null)
            .Add("until", filter.Until is { } until ? UnixTime(until) : null)
            .AddFilters(filter.ToEngineFilters());
        using var response = await SendAsync(HttpMethod.Get, $"/events{query}", cancellationToken, streaming: true).ConfigureAwait(false);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var message in EngineJson.ReadLinesAsync<EngineEventMessage>(stream, cancellationToken).ConfigureAwait(false))
        {
            yield return message.ToEvent();
        }
    }

    private static string UnixTime(DateTimeOffset time)
    {
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return $"{ticks / TimeSpan.TicksPerSecond}.{ticks % TimeSpan.TicksPerSecond * 100:D9}";
    }
}
