using System.Globalization;
using System.Text;
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
/// A real HTTP server on 127.0.0.1 that answers the REST endpoints Smoke uses, with GitHub's documented
/// status codes, error bodies, rate-limit headers and Link pagination, and records every request.
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    public const string Token = "ghs_SmokeTestToken0123456789abcdefXYZ";
    public const string Owner = "acme";
    public const string Repo = "shop";

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly Queue<CannedResponse> canned = new();
    private readonly List<JsonObject> deployments = [];
    private readonly Dictionary<long, List<JsonObject>> deploymentStatuses = [];
    private readonly List<JsonObject> comments = [];
    private readonly List<JsonObject> commitStatuses = [];
    private long nextId = 1000;

    private FakeGitHubServer(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

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

    public RepositoryName Repository => new(Owner, Repo);

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

    public void AddComments(int issue, int count, Func<int, string>? body = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                comments.Add(NewComment(issue, body?.Invoke(i) ?? $"comment {i}"));
            }
        }
    }

    public IReadOnlyList<JsonObject> CommentsOn(int issue)
    {
        lock (gate)
        {
            return [.. comments.Where(c => (int)c["issue"]! == issue).Select(c => (JsonObject)c.DeepClone())];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
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

            if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                await WriteErrorAsync(context, 401, "Bad credentials", "https://docs.github.com/rest");
                return;
            }

            await next(context);
        });

        var repo = app.MapGroup("/repos/{owner}/{repo}").AddEndpointFilter(async (invocation, next) =>
        {
            var values = invocation.HttpContext.Request.RouteValues;
            if ((string?)values["owner"] != Owner || (string?)values["repo"] != Repo)
            {
                await WriteErrorAsync(invocation.HttpContext, 404, "Not Found", "https://docs.github.com/rest/deployments/deployments");
                return Results.Empty;
            }

            return await next(invocation);
        });

        repo.MapPost("/deployments", CreateDeploymentAsync);
        repo.MapGet("/deployments", ListDeploymentsAsync);
        repo.MapPost("/deployments/{id:long}/statuses", CreateDeploymentStatusAsync);
        repo.MapGet("/deployments/{id:long}/statuses", ListDeploymentStatusesAsync);
        repo.MapGet("/issues/{number:int}/comments", ListCommentsAsync);
        repo.MapPost("/issues/{number:int}/comments", CreateCommentAsync);
        repo.MapPatch("/issues/comments/{id:long}", UpdateCommentAsync);
        repo.MapPost("/statuses/{sha}", CreateCommitStatusAsync);
    }

    private async Task CreateDeploymentAsync(HttpContext context)
    {
        var body = Body(context);
        var gitRef = (string?)body["ref"];
        if (string.IsNullOrEmpty(gitRef))
        {
            await WriteValidationErrorAsync(context, "Deployment", "ref", "missing_field", "https://docs.github.com/rest/deployments/deployments#create-a-deployment");
            return;
        }

        var environment = (string?)body["environment"] ?? "production";
        JsonObject deployment;
        lock (gate)
        {
            var id = ++nextId;
            deployment = new JsonObject
            {
                ["id"] = id,
                ["node_id"] = $"DE_{id}",
                ["url"] = $"{BaseAddress}repos/{Owner}/{Repo}/deployments/{id}",
                ["sha"] = IsSha(gitRef) ? gitRef : new string('a', 40),
                ["ref"] = gitRef,
                ["task"] = (string?)body["task"] ?? "deploy",
                ["payload"] = body["payload"]?.DeepClone() ?? new JsonObject(),
                ["original_environment"] = environment,
                ["environment"] = environment,
                ["description"] = (string?)body["description"],
                ["creator"] = new JsonObject { ["login"] = "smoke-bot", ["id"] = 7 },
                ["created_at"] = "2024-05-01T10:00:00Z",
                ["updated_at"] = "2024-05-01T10:00:00Z",
                ["statuses_url"] = $"{BaseAddress}repos/{Owner}/{Repo}/deployments/{id}/statuses",
                ["repository_url"] = $"{BaseAddress}repos/{Owner}/{Repo}",
                ["transient_environment"] = (bool?)body["transient_environment"] ?? false,
                ["production_environment"] = (bool?)body["production_environment"] ?? environment == "production",
            };
            deployments.Insert(0, deployment);
            deploymentStatuses[id] = [];
        }

        await WriteAsync(context, 201, deployment.ToJsonString());
    }

    private async Task ListDeploymentsAsync(HttpContext context)
    {
        var query = context.Request.Query;
        List<JsonNode> matching;
        lock (gate)
        {
            matching = [.. deployments
                .Where(d => Matches(d, "environment", query["environment"]) && Matches(d, "sha", query["sha"])
                    && Matches(d, "ref", query["ref"]) && Matches(d, "task", query["task"]))
                .Select(d => d.DeepClone())];
        }

        await WritePageAsync(context, matching);
    }

    private async Task CreateDeploymentStatusAsync(HttpContext context, long id)
    {
        var body = Body(context);
        var state = (string?)body["state"];
        string[] states = ["error", "failure", "inactive", "in_progress", "queued", "pending", "success"];
        if (state is null || !states.Contains(state))
        {
            await WriteValidationErrorAsync(context, "DeploymentStatus", "state", "invalid", "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status");
            return;
        }

        if (((string?)body["description"])?.Length > 140)
        {
            await WriteValidationErrorAsync(context, "DeploymentStatus", "description", "invalid", "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status");
            return;
        }

        JsonObject status;
        lock (gate)
        {
            var deployment = deployments.FirstOrDefault(d => (long)d["id"]! == id);
            if (deployment is null)
            {
                status = null!;
            }
            else
            {
                var statusId = ++nextId;
                status = new JsonObject
                {
                    ["id"] = statusId,
                    ["state"] = state,
                    ["description"] = (string?)body["description"] ?? "",
                    ["environment"] = (string?)body["environment"] ?? (string?)deployment["environment"],
                    ["log_url"] = (string?)body["log_url"] ?? "",
                    ["target_url"] = (string?)body["log_url"] ?? "",
                    ["environment_url"] = (string?)body["environment_url"] ?? "",
                    ["creator"] = new JsonObject { ["login"] = "smoke-bot", ["id"] = 7 },
                    ["created_at"] = "2024-05-01T10:01:00Z",
                    ["updated_at"] = "2024-05-01T10:01:00Z",
                    ["deployment_url"] = (string?)deployment["url"],
                };
                deploymentStatuses[id].Insert(0, status);
            }
        }

        if (status is null)
        {
            await WriteErrorAsync(context, 404, "Not Found", "https://docs.github.com/rest/deployments/statuses#create-a-deployment-status");
            return;
        }

        await WriteAsync(context, 201, status.ToJsonString());
    }

    private async Task ListDeploymentStatusesAsync(HttpContext context, long id)
    {
        List<JsonNode>? statuses;
        lock (gate)
        {
            statuses = deploymentStatuses.TryGetValue(id, out var found) ? [.. found.Select(s => s.DeepClone())] : null;
        }

        if (statuses is null)
        {
            await WriteErrorAsync(context, 404, "Not Found", "https://docs.github.com/rest/deployments/statuses#list-deployment-statuses");
            return;
        }

        await WritePageAsync(context, statuses);
    }

    private async Task ListCommentsAsync(HttpContext context, int number)
    {
        List<JsonNode> onIssue;
        lock (gate)
        {
            onIssue = [.. comments.Where(c => (int)c["issue"]! == number).Select(ToApiComment)];
        }

        await WritePageAsync(context, onIssue);
    }

    private async Task CreateCommentAsync(HttpContext context, int number)
    {
        var text = (string?)Body(context)["body"];
        if (string.IsNullOrEmpty(text))
        {
            await WriteValidationErrorAsync(context, "IssueComment", "body", "missing_field", "https://docs.github.com/rest/issues/comments#create-an-issue-comment");
            return;
        }

        JsonObject comment;
        lock (gate)
        {
            comment = NewComment(number, text);
            comments.Add(comment);
        }

        await WriteAsync(context, 201, ToApiComment(comment).ToJsonString());
    }

    private async Task UpdateCommentAsync(HttpContext context, long id)
    {
        var text = (string?)Body(context)["body"];
        JsonObject? comment;
        lock (gate)
        {
            comment = comments.FirstOrDefault(c => (long)c["id"]! == id);
            if (comment is not null && !string.IsNullOrEmpty(text))
            {
                comment["body"] = text;
                comment["updated_at"] = "2024-05-02T09:00:00Z";
            }
        }

        if (comment is null)
        {
            await WriteErrorAsync(context, 404, "Not Found", "https://docs.github.com/rest/issues/comments#update-an-issue-comment");
            return;
        }

        if (string.IsNullOrEmpty(text))
        {
            await WriteValidationErrorAsync(context, "IssueComment", "body", "missing_field", "https://docs.github.com/rest/issues/comments#update-an-issue-comment");
            return;
        }

        await WriteAsync(context, 200, ToApiComment(comment).ToJsonString());
    }

    private async Task CreateCommitStatusAsync(HttpContext context, string sha)
    {
        var body = Body(context);
        var state = (string?)body["state"];
        if (state is not ("error" or "failure" or "pending" or "success"))
        {
            await WriteValidationErrorAsync(context, "Status", "state", "invalid", "https://docs.github.com/rest/commits/statuses#create-a-commit-status");
            return;
        }

        JsonObject status;
        lock (gate)
        {
            status = new JsonObject
            {
                ["id"] = ++nextId,
                ["sha"] = sha,
                ["state"] = state,
                ["description"] = (string?)body["description"],
                ["target_url"] = (string?)body["target_url"],
                ["context"] = (string?)body["context"] ?? "default",
                ["creator"] = new JsonObject { ["login"] = "smoke-bot", ["id"] = 7 },
                ["created_at"] = "2024-05-01T10:02:00Z",
                ["updated_at"] = "2024-05-01T10:02:00Z",
            };
            commitStatuses.Add(status);
        }

        await WriteAsync(context, 201, status.ToJsonString());
    }

    private JsonObject NewComment(int issue, string body)
    {
        var id = ++nextId;
        return new JsonObject
        {
            ["issue"] = issue,
            ["id"] = id,
            ["body"] = body,
            ["html_url"] = $"https://github.com/{Owner}/{Repo}/pull/{issue}#issuecomment-{id}",
            ["user"] = new JsonObject { ["login"] = "smoke-bot", ["id"] = 7 },
            ["created_at"] = "2024-05-01T10:03:00Z",
            ["updated_at"] = "2024-05-01T10:03:00Z",
        };
    }

    private static JsonNode ToApiComment(JsonObject comment)
    {
        var copy = (JsonObject)comment.DeepClone();
        copy.Remove("issue");
        return copy;
    }

    private static bool Matches(JsonObject item, string field, string? wanted) =>
        string.IsNullOrEmpty(wanted) || (string?)item[field] == wanted;

    private static bool IsSha(string value) => value.Length == 40 && value.All(char.IsAsciiHexDigit);

    private static JsonObject Body(HttpContext context) =>
        (JsonObject)context.Items["json"]!;

    /// <summary>Answers one page as GitHub does: <c>per_page</c> (default 30, at most 100), <c>page</c>, and a Link header.</summary>
    private static async Task WritePageAsync(HttpContext context, List<JsonNode> items)
    {
        var query = context.Request.Query;
        var perPage = Math.Clamp(int.TryParse(query["per_page"], out var p) ? p : 30, 1, 100);
        var page = Math.Max(1, int.TryParse(query["page"], out var n) ? n : 1);
        var last = Math.Max(1, (items.Count + perPage - 1) / perPage);

        string Link(int target, string rel)
        {
            var parameters = query.Where(q => q.Key != "page").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"page={target}");
            return $"<{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{string.Join('&', parameters)}>; rel=\"{rel}\"";
        }

        var links = new List<string>();
        if (page < last)
        {
            links.Add(Link(page + 1, "next"));
            links.Add(Link(last, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(1, "first"));
            links.Add(Link(page - 1, "prev"));
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        var slice = new JsonArray([.. items.Skip((page - 1) * perPage).Take(perPage)]);
        await WriteAsync(context, 200, slice.ToJsonString());
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        request.HttpContext.Items["json"] = body.Length > 0 && JsonNode.Parse(body) is JsonObject json ? json : new JsonObject();
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
