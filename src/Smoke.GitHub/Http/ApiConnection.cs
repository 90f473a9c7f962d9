using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Smoke.Shared;

namespace Smoke.GitHub;

/// <summary>
/// Sends requests to the REST API: headers, JSON, pagination, rate-limit waits and error messages.
/// The token lives only here and in the Authorization header it sets.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private const string ApiVersion = "2022-11-28";
    private const int PageSize = 100;

    // x-ratelimit-reset has one-second resolution and clocks drift; waiting a little past it avoids a second 403.
    private static readonly TimeSpan ResetSlack = TimeSpan.FromSeconds(1);

    private readonly HttpClient http;
    private readonly string token;
    private readonly GitHubClientOptions options;
    private readonly Uri root;

    public ApiConnection(string token, GitHubClientOptions options, HttpMessageHandler? handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new ArgumentException("A GitHub token is required: set GITHUB_TOKEN, or check GitHubIntegration.IsConfigured before creating a client.", nameof(token));
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } baseAddress || (baseAddress.Scheme != Uri.UriSchemeHttps && baseAddress.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"The GitHub API address \"{options.BaseAddress}\" is not an absolute http(s) URL; check GITHUB_API_URL.", nameof(options));
        }

        this.token = token.Trim();
        this.options = options;
        root = new Uri(baseAddress.AbsoluteUri.TrimEnd('/') + "/");
        http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = options.RequestTimeout;
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string permission, CancellationToken cancellationToken)
    {
        var response = await SendAsync(method, Absolute(path), body, permission, cancellationToken).ConfigureAwait(false);
        return Read<T>(response, method.Method, path);
    }

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, string permission, CancellationToken cancellationToken) =>
        SendAsync(method, Absolute(path), body, permission, cancellationToken);

    /// <summary>Follows <c>rel="next"</c> links from the first page to the last, 100 items a page.</summary>
    public async Task<IReadOnlyList<T>> GetAllPagesAsync<T>(string path, string permission, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var visited = new HashSet<Uri>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        Uri? next = Absolute($"{path}{separator}per_page={PageSize}");
        while (next is not null && visited.Add(next))
        {
            var response = await SendAsync(HttpMethod.Get, next, null, permission, cancellationToken).ConfigureAwait(false);
            items.AddRange(Read<List<T>>(response, "GET", RelativePath(next)));
            next = response.Next;
            if (next is not null && Uri.Compare(next, root, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                // Following it would send the token to another host.
                throw new GitHubApiException(
                    $"GitHub API GET {path} returned a next-page link to another host ({next.GetLeftPart(UriPartial.Authority)}, not {root.GetLeftPart(UriPartial.Authority)});"
                    + " the client stopped rather than send the token there. Check GITHUB_API_URL and any proxy in between.",
                    "GET",
                    path);
            }
        }

        return items;
    }

    /// <summary>Reads a response body as GitHub's JSON; a body of another shape is a <see cref="GitHubApiException"/>.</summary>
    public T Read<T>(ApiResponse response, string method, string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(response.Body, GitHubJson.Options)
                ?? throw new JsonException("the body is null");
        }
        catch (JsonException e)
        {
            throw ApiFailure.UnexpectedBody(method, path, response.Status, e);
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<ApiResponse> SendAsync(HttpMethod method, Uri uri, object? body, string permission, CancellationToken cancellationToken)
    {
        var path = RelativePath(uri);
        var json = body is null ? null : JsonSerializer.Serialize(body, body.GetType(), GitHubJson.Options);
        var backoff = options.SecondaryRateLimitBackoff;
        var waited = TimeSpan.Zero;
        for (var retries = 0; ; retries++)
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.ParseAdd("application/vnd.github+json");
            request.Headers.Add("X-GitHub-Api-Version", ApiVersion);
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
            if (json is not null)
            {
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            using var response = await TransmitAsync(request, path, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new ApiResponse(response.StatusCode, text, LinkHeader.Next(response.Headers));
            }

            var error = ErrorBody.Parse(text);
            var now = options.Time.GetUtcNow();
            var limit = RateLimitSignal.From(response.StatusCode, response.Headers, error, now);
            if (limit is null)
            {
                throw ApiFailure.ForResponse(method.Method, path, response.StatusCode, error, permission, Redact);
            }

            if (retries >= options.MaxRateLimitRetries)
            {
                throw ApiFailure.GaveUp(method.Method, path, response.StatusCode, limit, retries, waited, Redact);
            }

            var wait = limit switch
            {
                { RetryAfter: { } retryAfter } => retryAfter,
                { Kind: RateLimitKind.Primary, ResetsAt: { } resetsAt } => resetsAt - now > TimeSpan.Zero ? resetsAt - now + ResetSlack : ResetSlack,
                _ => backoff,
            };
            if (limit.RetryAfter is null && limit.Kind == RateLimitKind.Secondary)
            {
                backoff *= 2;
            }

            if (wait > options.MaxRateLimitWait)
            {
                throw ApiFailure.WaitTooLong(method.Method, path, response.StatusCode, limit, wait, options.MaxRateLimitWait, Redact);
            }

            options.Log?.Invoke(Redact(
                $"GitHub {limit.Description} on {method.Method} {path}; waiting {ApiFailure.Describe(wait)} before retry {retries + 1} of {options.MaxRateLimitRetries}."));
            await Task.Delay(wait, options.Time, cancellationToken).ConfigureAwait(false);
            waited += wait;
        }
    }

    private async Task<HttpResponseMessage> TransmitAsync(HttpRequestMessage request, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw ApiFailure.Unreachable(request.Method.Method, path, root, e, Redact);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw ApiFailure.TimedOut(request.Method.Method, path, http.Timeout, e);
        }
    }

    private Uri Absolute(string path) => new(root, path.TrimStart('/'));

    private string RelativePath(Uri uri)
    {
        var pathAndQuery = uri.PathAndQuery;
        var prefix = root.AbsolutePath.TrimEnd('/');
        return prefix.Length > 0 && pathAndQuery.StartsWith(prefix + "/", StringComparison.Ordinal)
            ? pathAndQuery[prefix.Length..]
            : pathAndQuery;
    }

    private string Redact(string text) => new SecretMask([token]).Apply(text);
}
