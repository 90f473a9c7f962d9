using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Smoke.Build.Tests.Release;

/// <summary>
/// A GitHub REST API on 127.0.0.1 with the two endpoints a deploy calls (create a deployment, create a deployment
/// status), answering 201 with GitHub's shapes, refusing a wrong token with 401, and recording every request.
/// </summary>
internal sealed class FakeGitHub : IDisposable
{
    public const string Token = "ghs_DeployTestToken0123456789abcdefXYZ";
    public const string Repository = "acme/shop";

    private readonly HttpListener listener = new();
    private readonly Lock gate = new();
    private readonly List<RecordedCall> calls = [];
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

            await AnswerAsync(context);
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

        var segments = path.Trim('/').Split('/');
        if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            await WriteAsync(context, 401, new JsonObject { ["message"] = "Bad credentials", ["documentation_url"] = "https://docs.github.com/rest" });
        }
        else if (request.HttpMethod == "POST" && segments is ["repos", "acme", "shop", "deployments"])
        {
            var id = Interlocked.Increment(ref nextId);
            await WriteAsync(context, 201, new JsonObject
            {
                ["id"] = id,
                ["sha"] = (string?)json?["ref"],
                ["ref"] = (string?)json?["ref"],
                ["task"] = (string?)json?["task"] ?? "deploy",
                ["environment"] = (string?)json?["environment"],
                ["description"] = (string?)json?["description"],
                ["created_at"] = "2026-11-21T10:00:00Z",
                ["updated_at"] = "2026-11-21T10:00:00Z",
            });
        }
        else if (request.HttpMethod == "POST" && segments is ["repos", "acme", "shop", "deployments", _, "statuses"])
        {
            await WriteAsync(context, 201, new JsonObject
            {
                ["id"] = Interlocked.Increment(ref nextId),
                ["state"] = (string?)json?["state"],
                ["description"] = (string?)json?["description"],
                ["log_url"] = (string?)json?["log_url"],
                ["created_at"] = "2026-11-21T10:00:00Z",
                ["updated_at"] = "2026-11-21T10:00:00Z",
            });
        }
        else
        {
            await WriteAsync(context, 404, new JsonObject { ["message"] = "Not Found", ["documentation_url"] = "https://docs.github.com/rest" });
        }
    }

    private static async Task WriteAsync(HttpListenerContext context, int status, JsonObject body)
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

        public override string ToString() => $"{Method} {Path} {Body?.ToJsonString()}";
    }
}
