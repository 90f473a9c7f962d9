using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Smoke.GitHub.Fake;

/// <summary>
/// A real HTTP server on 127.0.0.1 that answers the REST endpoints Smoke uses (deployments and their statuses, issue
/// and pull request comments, commit statuses) with GitHub's documented status codes, error bodies, rate-limit headers
/// and Link pagination, and records every request. It refuses a wrong token with 401 and answers a request it cannot
/// read with 500. For a separate process, such as <c>./build.sh Deploy</c>, <see cref="Environment"/> holds the
/// variables a workflow run would set, and <see cref="PullRequestEnvironment"/> adds a pull_request event.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    public const string Token = "ghs_SmokeTestToken0123456789abcdefXYZ";
    public const string Owner = "acme";
    public const string Repo = "shop";

    /// <summary>The pull request a run with <see cref="PullRequestEnvironment"/> is for.</summary>
    public const int PullRequest = 77;

    private const string ServerUrl = "https://github.com";
    private const string RunId = "4242";

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly Queue<CannedResponse> canned = new();
    private readonly List<JsonObject> deployments = [];
    private readonly Dictionary<long, List<JsonObject>> deploymentStatuses = [];
    private readonly List<StoredComment> comments = [];
    private readonly List<JsonObject> commitStatuses = [];
    private readonly Lazy<string> pullRequestEvent = new(WritePullRequestEvent);
    private long nextId = 1000;

    private FakeGitHubServer(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public RepositoryName Repository => new(Owner, Repo);

    /// <summary>Every request since the start or the last <see cref="ClearRequests"/>, in the order they came.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>What a build needs to report to this server, as a workflow run would have it.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_REPOSITORY"] = $"{Owner}/{Repo}",
        ["GITHUB_API_URL"] = BaseAddress.ToString().TrimEnd('/'),
        ["GITHUB_SERVER_URL"] = ServerUrl,
        ["GITHUB_RUN_ID"] = RunId,
    };

    /// <summary>As <see cref="Environment"/>, for a workflow run triggered by a pull_request event on <see cref="PullRequest"/>.</summary>
    public IReadOnlyDictionary<string, string?> PullRequestEnvironment => new Dictionary<string, string?>(Environment)
    {
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_EVENT_PATH"] = pullRequestEvent.Value,
    };

    /// <summary>The page of the workflow run <see cref="Environment"/> describes.</summary>
    public string RunUrl => $"{ServerUrl}/{Owner}/{Repo}/actions/runs/{RunId}";

    public static async Task<FakeGitHubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeGitHubServer(app);
        server.Configure();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public GitHubClient CreateClient(GitHubClientOptions? options = null, string token = Token) =>
        new(token, (options ?? new GitHubClientOptions()) with { BaseAddress = BaseAddress });

    /// <summary>Answers the next request with this, once, whatever it asks for.</summary>
    public void RespondOnce(int status, string body, params (string Name, string Value)[] headers)
    {
        lock (gate)
        {
            canned.Enqueue(new CannedResponse(status, body, headers.ToDictionary(h => h.Name, h => h.Value)));
        }
    }

    public void AddComments(long issue, int count, Func<int, string>? body = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                comments.Add(NewComment(issue, body?.Invoke(i) ?? $"comment {i}"));
            }
        }
    }

    /// <summary>The comments of an issue or pull request as they are now, oldest first.</summary>
    public IReadOnlyList<StoredComment> CommentsOn(long issue)
    {
        lock (gate)
        {
            return [.. comments.Where(c => c.Issue == issue)];
        }
    }

    /// <summary>Forgets the recorded requests. Deployments and comments stay, as they would on GitHub, for a later run to find.</summary>
    public void ClearRequests()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (pullRequestEvent.IsValueCreated)
        {
            File.Delete(pullRequestEvent.Value);
        }
    }

    private void Configure()
    {
        app.Use(async (context, next) =>
        {
            var request = await RecordAsync(context.Request);
            CannedResponse? once;
            lock (gate)
            {
                requests.Add(request);
                canned.TryDequeue(out once);
            }

            AddRateLimitHeaders(context.Response, remaining: 4999);
            if (once is not null)
            {
                foreach (var (name, value) in once.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                await WriteAsync(context, once.Status, once.Body);
                return;
            }

            if (request.Authorization != $"Bearer {Token}")
            {
                await WriteErrorAsync(context, 401, "Bad credentials", "https://docs.github.com/rest");
                return;
            }

            try
            {
                context.Items["json"] = request.Body.Length > 0 && JsonNode.Parse(request.Body) is JsonObject json ? json : new JsonObject();
                await next(context);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or ArgumentException && !context.Response.HasStarted)
            {
                // A request this fake cannot read gets a 500, as from a real server; the next one is still answered.
                await WriteErrorAsync(context, 500, $"the fake GitHub could not answer: {exception.Message}", "https://docs.github.com/rest");
            }
        });

        MapEndpoints();
        app.MapFallback(context => WriteErrorAsync(context, 404, "Not Found", "https://docs.github.com/rest"));
    }

    private static string WritePullRequestEvent()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, new JsonObject
        {
            ["action"] = "synchronize",
            ["number"] = PullRequest,
            ["pull_request"] = new JsonObject
            {
                ["number"] = PullRequest,
                ["state"] = "open",
                ["head"] = new JsonObject { ["ref"] = "checkout-retries" },
                ["base"] = new JsonObject { ["ref"] = "main" },
            },
            ["repository"] = new JsonObject { ["full_name"] = $"{Owner}/{Repo}" },
        }.ToJsonString());
        return path;
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body);
    }

    private static void AddRateLimitHeaders(HttpResponse response, int remaining)
    {
        response.Headers["x-ratelimit-limit"] = "5000";
        response.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-used"] = (5000 - remaining).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-resource"] = "core";
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string message, string documentation) =>
        WriteAsync(context, status, new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = documentation,
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        }.ToJsonString());

    private static Task WriteValidationErrorAsync(HttpContext context, string resource, string field, string code, string documentation) =>
        WriteAsync(context, 422, new JsonObject
        {
            ["message"] = "Validation Failed",
            ["errors"] = new JsonArray(new JsonObject { ["resource"] = resource, ["code"] = code, ["field"] = field }),
            ["documentation_url"] = documentation,
            ["status"] = "422",
        }.ToJsonString());

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }
}
