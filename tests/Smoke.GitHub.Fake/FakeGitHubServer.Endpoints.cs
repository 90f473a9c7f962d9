using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Smoke.GitHub.Fake;

/// <summary>The REST endpoints, with the resources they keep and GitHub's shapes of them.</summary>
public sealed partial class FakeGitHubServer
{
    private void MapEndpoints()
    {
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
        repo.MapGet("/issues/{number:long}/comments", ListCommentsAsync);
        repo.MapPost("/issues/{number:long}/comments", CreateCommentAsync);
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
                ["creator"] = Bot(),
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
                    ["creator"] = Bot(),
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
                ["creator"] = Bot(),
                ["created_at"] = "2024-05-01T10:02:00Z",
                ["updated_at"] = "2024-05-01T10:02:00Z",
            };
            commitStatuses.Add(status);
        }

        await WriteAsync(context, 201, status.ToJsonString());
    }

    private static JsonObject Bot() => new() { ["login"] = "smoke-bot", ["id"] = 7, ["type"] = "Bot" };

    private static string Timestamp(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

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
}
