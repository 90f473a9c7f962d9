using System.IO.Pipes;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Smoke.Stack.Engine;

/// <summary>
/// A client for the Docker Engine HTTP API over a unix socket, a named pipe or TCP. The API version is
/// negotiated on first use: the lower of the daemon's and <see cref="MaxApiVersion"/>.
/// </summary>
public sealed partial class DockerEngineClient : IDisposable
{
    /// <summary>The newest API version this client speaks (Docker 27).</summary>
    public const string MaxApiVersion = "1.47";

    private readonly HttpClient _http;
    private readonly DockerEngineOptions _options;
    private readonly SemaphoreSlim _negotiation = new(1, 1);
    private string? _apiVersion;

    public DockerEngineClient(DockerEndpoint endpoint, DockerEngineOptions? options = null)
    {
        Endpoint = endpoint;
        _options = options ?? new DockerEngineOptions();
        _http = new HttpClient(CreateHandler(endpoint), disposeHandler: true)
        {
            BaseAddress = endpoint.IsTcp
                ? new Uri($"{(endpoint.UsesTls ? "https" : "http")}://{endpoint.Address.Host}:{endpoint.Address.Port}")
                : new Uri("http://docker.local"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Smoke.Stack", "1.0"));
    }

    /// <summary>A client for DOCKER_HOST, or the platform's default socket.</summary>
    public static DockerEngineClient FromEnvironment(DockerEngineOptions? options = null) => new(DockerEndpoint.FromEnvironment(), options);

    public DockerEndpoint Endpoint { get; }

    /// <summary>The negotiated version, once a request has been made (see <see cref="NegotiateApiVersionAsync"/>).</summary>
    public string? ApiVersion => _apiVersion;

    public void Dispose()
    {
        _http.Dispose();
        _negotiation.Dispose();
    }

    /// <summary>Agrees on an API version with the daemon; every other call does this first on its own.</summary>
    public async Task<string> NegotiateApiVersionAsync(CancellationToken cancellationToken = default)
    {
        if (_apiVersion is { } known)
        {
            return known;
        }

        await _negotiation.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _apiVersion ??= await NegotiateAsync(cancellationToken).ConfigureAwait(false);
            return _apiVersion;
        }
        finally
        {
            _negotiation.Release();
        }
    }

    private async Task<string> NegotiateAsync(CancellationToken cancellationToken)
    {
        if (_options.ApiVersion is { } pinned)
        {
            using var check = await SendRawAsync(HttpMethod.Get, $"/v{pinned}/version", null, _options.PingTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (check.IsSuccessStatusCode)
            {
                return pinned;
            }

            var message = await ReadErrorMessageAsync(check, cancellationToken).ConfigureAwait(false);
            if (check.StatusCode == HttpStatusCode.BadRequest && TooNewVersion().Match(message) is { Success: true } tooNew)
            {
                return tooNew.Groups["max"].Value;
            }

            throw new DockerEngineApiException($"GET /v{pinned}/version", check.StatusCode, message);
        }

        using (var ping = await SendRawAsync(HttpMethod.Get, "/_ping", null, _options.PingTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
        {
            if (ping.Headers.TryGetValues("Api-Version", out var values) && values.FirstOrDefault() is { Length: > 0 } serverMax)
            {
                return Lower(serverMax, MaxApiVersion);
            }
        }

        using var version = await SendRawAsync(HttpMethod.Get, "/version", null, _options.PingTimeout, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (version.IsSuccessStatusCode)
        {
            var body = await version.Content.ReadFromJsonAsync<EngineVersion>(EngineJson.Options, cancellationToken).ConfigureAwait(false);
            if (body?.ApiVersion is { Length: > 0 } reported)
            {
                return Lower(reported, MaxApiVersion);
            }
        }

        // Daemons older than 1.25 report nothing; 1.24 is the oldest version every call here understands.
        return "1.24";
    }

    internal static string Lower(string left, string right) =>
        Version.TryParse(left, out var l) && Version.TryParse(right, out var r) && l > r ? right : left;

    internal async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        CancellationToken cancellationToken,
        HttpContent? content = null,
        bool streaming = false,
        TimeSpan? timeout = null,
        params HttpStatusCode[] alsoAccepted)
    {
        var version = await NegotiateApiVersionAsync(cancellationToken).ConfigureAwait(false);
        var response = await SendRawAsync(
            method,
            $"/v{version}{pathAndQuery}",
            content,
            streaming ? null : timeout ?? _options.RequestTimeout,
            streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode || alsoAccepted.Contains(response.StatusCode))
        {
            return response;
        }

        using (response)
        {
            var message = await ReadErrorMessageAsync(response, cancellationToken).ConfigureAwait(false);
            throw new DockerEngineApiException($"{method} {StripQuery(pathAndQuery)}", response.StatusCode, message);
        }
    }

    internal async Task<T> GetJsonAsync<T>(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, pathAndQuery, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<T>(EngineJson.Options, cancellationToken).ConfigureAwait(false)
            ?? throw new DockerEngineApiException($"GET {StripQuery(pathAndQuery)}", response.StatusCode, "the engine answered with an empty body");
    }

    private async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method,
        string pathAndQuery,
        HttpContent? content,
        TimeSpan? timeout,
        HttpCompletionOption completion,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } limit)
        {
            deadline.CancelAfter(limit);
        }

        using var request = new HttpRequestMessage(method, pathAndQuery) { Content = content };
        try
        {
            return await _http.SendAsync(request, completion, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (pathAndQuery.EndsWith("/_ping", StringComparison.Ordinal) || pathAndQuery.EndsWith("/version", StringComparison.Ordinal))
            {
                throw new DockerEngineUnreachableException(Endpoint, $"no answer to {method} {StripQuery(pathAndQuery)} within {timeout?.TotalSeconds:0}s");
            }

            throw new TimeoutException(
                $"the Docker engine at {Endpoint} did not answer {method} {StripQuery(pathAndQuery)} within {timeout?.TotalSeconds:0}s; the daemon may be overloaded or hung (check its log)");
        }
        catch (HttpRequestException ex)
        {
            throw new DockerEngineUnreachableException(Endpoint, DescribeConnectionFailure(ex), ex);
        }
    }

    private string DescribeConnectionFailure(Exception ex)
    {
        var socket = FindInner<SocketException>(ex);
        if (Endpoint.IsUnixSocket && !File.Exists(Endpoint.LocalPath))
        {
            return $"the socket {Endpoint.LocalPath} does not exist";
        }

        if (socket is not null)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.AccessDenied => $"permission denied on {Endpoint.LocalPath} (run as root or join the docker group)",
                _ => socket.Message,
            };
        }

        return FindInner<IOException>(ex)?.Message ?? ex.Message;
    }

    private static T? FindInner<T>(Exception? ex)
        where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static async Task<string> ReadErrorMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("message", out var message))
            {
                return message.GetString() ?? body;
            }
        }
        catch (JsonException)
        {
        }

        return string.IsNullOrWhiteSpace(body) ? response.ReasonPhrase ?? "no details" : body.Trim();
    }

    internal static string StripQuery(string pathAndQuery) => pathAndQuery.Split('?')[0];

    private static SocketsHttpHandler CreateHandler(DockerEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (endpoint.IsUnixSocket)
        {
            var path = endpoint.LocalPath;
            handler.ConnectCallback = async (_, token) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), token).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        else if (endpoint.UsesTls)
        {
            handler.SslOptions = EngineTls.ClientOptions(endpoint.TlsCertificateDirectory!);
        }
        else if (endpoint.IsNamedPipe)
        {
            var pipe = endpoint.LocalPath;
            handler.ConnectCallback = async (_, token) =>
            {
                var stream = new NamedPipeClientStream(".", pipe, PipeDirection.InOut, PipeOptions.Asynchronous);
                try
                {
                    await stream.ConnectAsync(token).ConfigureAwait(false);
                    return stream;
                }
                catch
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            };
        }

        return handler;
    }

    internal static StringContent JsonBody<T>(T value) =>
        new(JsonSerializer.Serialize(value, EngineJson.Options), Encoding.UTF8, "application/json");

    [GeneratedRegex(@"client version (?<client>[\d.]+) is too new\. Maximum supported API version is (?<max>[\d.]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TooNewVersion();
}
