using System.Net.Sockets;
using System.Text;

namespace Smoke.Stack.Readiness;

/// <summary>Ready on a 2xx answer to GET <see cref="Url"/>; otherwise the status and the start of the body.</summary>
internal sealed class HttpReadinessProbe(Uri url, HttpClient http) : IReadinessProbe
{
    private const int BodyExcerpt = 300;

    public Uri Url { get; } = url;

    public string Description { get; } = $"HTTP {url.Authority}{url.PathAndQuery}";

    public async Task<ProbeAttempt> AttemptAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(Url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return ProbeAttempt.Ready;
            }

            var body = await ReadExcerptAsync(response, cancellationToken).ConfigureAwait(false);
            var bodyText = body.Length == 0 ? "empty body" : $"last body: {body}";
            return ProbeAttempt.NotReady($"HTTP {(int)response.StatusCode} from {Url.Authority}{Url.PathAndQuery} ({bodyText})");
        }
        catch (HttpRequestException ex)
        {
            var socket = ex.InnerException as SocketException ?? ex.InnerException?.InnerException as SocketException;
            var what = socket?.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.ConnectionReset => "connection reset",
                _ => ex.HttpRequestError == HttpRequestError.ResponseEnded ? "the connection closed before an answer (nothing listens in the container yet?)" : ex.Message,
            };
            return ProbeAttempt.NotReady($"no HTTP answer from {Url.Authority}{Url.PathAndQuery}: {what}");
        }
        catch (IOException ex)
        {
            return ProbeAttempt.NotReady($"no HTTP answer from {Url.Authority}{Url.PathAndQuery}: {ex.Message}");
        }
    }

    private static async Task<string> ReadExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[BodyExcerpt * 4];
            var read = 0;
            while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false) is > 0 and var n)
            {
                read += n;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read).ReplaceLineEndings(" ").Trim();
            return text.Length > BodyExcerpt ? text[..BodyExcerpt] + "..." : text;
        }
    }
}
