using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Smoke.Build.Tests.Release;

/// <summary>
/// A GitHub REST API on 127.0.0.1 with the endpoints a deploy calls: create a deployment, create a deployment status,
/// and list, create and update the comments of a pull request. It answers with GitHub's shapes, keeps the comments so
/// that a later deploy's comment updates the earlier one, refuses a wrong token with 401, and records every request.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    public const string Token = "ghs_DeployTestToken0123456789abcdefXYZ";
    public const string Repository = "acme/shop";

    /// <summary>The pull request a run with <see cref="PullRequestEnvironment"/> is for.</summary>
    public const int PullRequest = 77;

    private readonly HttpListener listener = new();
    private readonly Lock gate = new();
    private readonly List<RecordedCall> calls = [];
    private readonly List<Comment> comments = [];
    private readonly string pullRequestEvent = Path.GetTempFileName();
    private readonly Task serving;
    private long nextId = 500;

    public FakeGitHub()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        File.WriteAllText(pullRequestEvent, new JsonObject
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
            ["repository"] = new JsonObject { ["full_name"] = Repository },
        }.ToJsonString());

        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string ApiUrl => $"http://127.0.0.1:{Port}";

    /// <summary>What a build needs to report to this server, as a workflow run would have it.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["GITHUB_TOKEN"] = Token,
        ["GITHUB_REPOSITORY"] = Repository,
        ["GITHUB_API_URL"] = ApiUrl,
        ["GITHUB_SERVER_URL"] = "https://github.example",
        ["GITHUB_RUN_ID"] = "4242",
    };

    /// <summary>As <see cref="Environment"/>, for a workflow run triggered by a pull_request event on <see cref="PullRequest"/>.</summary>
    public IReadOnlyDictionary<string, string?> PullRequestEnvironment => new Dictionary<string, string?>(Environment)
    {
        ["GITHUB_EVENT_NAME"] = "pull_request",
        ["GITHUB_EVENT_PATH"] = pullRequestEvent,
    };

    public string RunUrl => $"https://github.example/{Repository}/actions/runs/4242";

    public IReadOnlyList<RecordedCall> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    /// <summary>The comments of an issue or pull request as they are now, oldest first.</summary>
    public IReadOnlyList<Comment> CommentsOn(long issue)
    {
        lock (gate)
        {
            return [.. comments.Where(comment => comment.Issue == issue)];
        }
    }

    /// <summary>Forgets the recorded calls. The comments stay, as they would on GitHub, for a later deploy to update.</summary>
    public void Clear()
    {
        lock (gate)
        {
            calls.Clear();
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept: the server is stopping, as asked.
        }

        File.Delete(pullRequestEvent);
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException or ArgumentException)
            {
                // A request this fake cannot read gets a 500, as from a real server; the next one is still answered.
                await WriteAsync(context, 500, Error($"the fake GitHub could not answer: {ex.Message}"));
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
        var json = body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
        var path = request.Url!.AbsolutePath;
        lock (gate)
        {
            calls.Add(new RecordedCall(request.HttpMethod, path, json, request.Headers["Authorization"]));
        }

        var (status, answer) = request.Headers["Authorization"] != $"Bearer {Token}"
            ? (401, Error("Bad credentials"))
            : (request.HttpMethod, path.Trim('/').Split('/')) switch
            {
                ("POST", ["repos", "acme", "shop", "deployments"]) => (201, CreateDeployment(json)),
                ("POST", ["repos", "acme", "shop", "deployments", _, "statuses"]) => (201, CreateDeploymentStatus(json)),
                ("GET", ["repos", "acme", "shop", "issues", var issue, "comments"]) when Number(issue) is { } number => (200, ListComments(number)),
                ("POST", ["repos", "acme", "shop", "issues", var issue, "comments"]) when Number(issue) is { } number => CreateComment(number, json),
                ("PATCH", ["repos", "acme", "shop", "issues", "comments", var id]) when Number(id) is { } number => UpdateComment(number, json),
                _ => (404, Error("Not Found")),
            };
        await WriteAsync(context, status, answer);
    }

    private JsonObject CreateDeployment(JsonObject? json) => new()
    {
        ["id"] = Interlocked.Increment(ref nextId),
        ["sha"] = (string?)json?["ref"],
        ["ref"] = (string?)json?["ref"],
        ["task"] = (string?)json?["task"] ?? "deploy",
        ["environment"] = (string?)json?["environment"],
        ["description"] = (string?)json?["description"],
        ["created_at"] = "2026-11-21T10:00:00Z",
        ["updated_at"] = "2026-11-21T10:00:00Z",
    };

    private JsonObject CreateDeploymentStatus(JsonObject? json) => new()
    {
        ["id"] = Interlocked.Increment(ref nextId),
        ["state"] = (string?)json?["state"],
        ["description"] = (string?)json?["description"],
        ["log_url"] = (string?)json?["log_url"],
        ["created_at"] = "2026-11-21T10:00:00Z",
        ["updated_at"] = "2026-11-21T10:00:00Z",
    };

    private JsonArray ListComments(long issue)
    {
        var list = new JsonArray();
        foreach (var comment in CommentsOn(issue))
        {
            list.Add(CommentJson(comment));
        }

        return list;
    }

    private (int Status, JsonNode Answer) CreateComment(long issue, JsonObject? json)
    {
        if (Text(json, "body") is not { } body)
        {
            return (422, Error("Validation Failed"));
        }

        var now = DateTimeOffset.UtcNow;
        var comment = new Comment(Interlocked.Increment(ref nextId), issue, body, now, now);
        lock (gate)
        {
            comments.Add(comment);
        }

        return (201, CommentJson(comment));
    }

    private (int Status, JsonNode Answer) UpdateComment(long id, JsonObject? json)
    {
        if (Text(json, "body") is not { } body)
        {
            return (422, Error("Validation Failed"));
        }

        lock (gate)
        {
            var index = comments.FindIndex(comment => comment.Id == id);
            if (index < 0)
            {
                return (404, Error("Not Found"));
            }

            comments[index] = comments[index] with { Body = body, UpdatedAt = DateTimeOffset.UtcNow };
            return (200, CommentJson(comments[index]));
        }
    }

    private JsonObject CommentJson(Comment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_kwDO{comment.Id}",
        ["url"] = $"{ApiUrl}/repos/{Repository}/issues/comments/{comment.Id}",
        ["html_url"] = $"https://github.example/{Repository}/pull/{comment.Issue}#issuecomment-{comment.Id}",
        ["issue_url"] = $"{ApiUrl}/repos/{Repository}/issues/{comment.Issue}",
        ["body"] = comment.Body,
        ["user"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282, ["type"] = "Bot" },
        ["author_association"] = "NONE",
        ["created_at"] = comment.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["updated_at"] = comment.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
    };

    private static long? Number(string segment) =>
        long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static string? Text(JsonObject? json, string property) =>
        json?[property] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Error(string message) => new() { ["message"] = message, ["documentation_url"] = "https://docs.github.com/rest" };

    private static async Task WriteAsync(HttpListenerContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    /// <summary>One request as the server saw it.</summary>
    internal sealed record RecordedCall(string Method, string Path, JsonObject? Body, string? Authorization)
    {
        public string? State => (string?)Body?["state"];

        public bool IsDeployment => Path.StartsWith($"/repos/{Repository}/deployments", StringComparison.Ordinal);

        public bool IsComment => Path.StartsWith($"/repos/{Repository}/issues/", StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Path} {Body?.ToJsonString()}";
    }

    /// <summary>A comment on an issue or pull request as the server keeps it.</summary>
    internal sealed record Comment(long Id, long Issue, string Body, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
}
