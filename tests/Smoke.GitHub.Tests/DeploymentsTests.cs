using System.Net;
using System.Text.Json.Nodes;
using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class DeploymentsTests : FakeGitHubTest
{
    private const string Sha = "3f786850e387550fdab836ed7e6dc881de23001b";

    [Fact]
    public async Task Creating_a_deployment_posts_every_field_with_the_api_headers()
    {
        using var client = Server.CreateClient();

        var deployment = await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "staging")
        {
            Description = "Deploy v42",
            Payload = new Dictionary<string, object> { ["release"] = "v42", ["images"] = new[] { "api:v42" } },
            TransientEnvironment = false,
            ProductionEnvironment = false,
        });

        var request = Assert.Single(Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/repos/acme/shop/deployments", request.Path);
        Assert.Equal($"Bearer {FakeGitHubServer.Token}", request.Header("Authorization"));
        Assert.Equal("application/vnd.github+json", request.Header("Accept"));
        Assert.Equal("2022-11-28", request.Header("X-GitHub-Api-Version"));
        Assert.StartsWith("Smoke/", request.Header("User-Agent"), StringComparison.Ordinal);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        var expected = JsonNode.Parse($$"""
            {
              "ref": "{{Sha}}",
              "environment": "staging",
              "task": "deploy",
              "description": "Deploy v42",
              "auto_merge": false,
              "required_contexts": [],
              "payload": { "release": "v42", "images": ["api:v42"] },
              "transient_environment": false,
              "production_environment": false
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.Body);

        Assert.True(deployment.Id > 0);
        Assert.Equal(Sha, deployment.Sha);
        Assert.Equal("staging", deployment.Environment);
        Assert.Equal("v42", deployment.Payload!.Value.GetProperty("release").GetString());
        Assert.Equal("smoke-bot", deployment.Creator!.Login);
    }

    [Fact]
    public async Task Optional_fields_left_unset_are_not_sent()
    {
        using var client = Server.CreateClient();

        await client.Deployments.CreateAsync(Repository, new NewDeployment("main", "qa"));

        var json = Assert.Single(Server.Requests).Json;
        Assert.Equal(["auto_merge", "environment", "ref", "required_contexts", "task"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Empty(json["required_contexts"]!.AsArray());
    }

    [Fact]
    public async Task Deployments_are_listed_by_environment_and_sha()
    {
        using var client = Server.CreateClient();
        await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "staging"));
        await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "production"));
        await client.Deployments.CreateAsync(Repository, new NewDeployment(new string('b', 40), "staging"));

        var found = await client.Deployments.GetAllAsync(Repository, new DeploymentFilter { Environment = "staging", Sha = Sha });

        var deployment = Assert.Single(found);
        Assert.Equal(("staging", Sha), (deployment.Environment, deployment.Sha));
        var list = Server.Requests[^1];
        Assert.Equal("GET", list.Method);
        Assert.Equal("/repos/acme/shop/deployments", list.Path);
        Assert.Equal("staging", list.QueryValue("environment"));
        Assert.Equal(Sha, list.QueryValue("sha"));
        Assert.Equal("100", list.QueryValue("per_page"));
        Assert.Equal("", list.Body);
    }

    [Fact]
    public async Task A_deployment_status_carries_state_urls_and_auto_inactive()
    {
        using var client = Server.CreateClient();
        var deployment = await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "staging"));

        var status = await client.Deployments.Statuses.CreateAsync(Repository, deployment.Id, new NewDeploymentStatus(DeploymentState.InProgress)
        {
            Description = "Smoke tests running",
            LogUrl = new Uri("https://github.com/acme/shop/actions/runs/99"),
            EnvironmentUrl = new Uri("https://staging.acme.test"),
            AutoInactive = false,
        });

        var request = Server.Requests[^1];
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/repos/acme/shop/deployments/{deployment.Id}/statuses", request.Path);
        var expected = JsonNode.Parse("""
            {
              "state": "in_progress",
              "description": "Smoke tests running",
              "log_url": "https://github.com/acme/shop/actions/runs/99",
              "environment_url": "https://staging.acme.test",
              "auto_inactive": false
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.Body);
        Assert.Equal(DeploymentState.InProgress, status.State);
        Assert.Equal(new Uri("https://github.com/acme/shop/actions/runs/99"), status.LogUrl);
    }

    [Theory]
    [InlineData(DeploymentState.Error, "error")]
    [InlineData(DeploymentState.Failure, "failure")]
    [InlineData(DeploymentState.Inactive, "inactive")]
    [InlineData(DeploymentState.Queued, "queued")]
    [InlineData(DeploymentState.Pending, "pending")]
    [InlineData(DeploymentState.Success, "success")]
    public async Task Every_deployment_state_is_sent_as_GitHub_spells_it(DeploymentState state, string spelled)
    {
        using var client = Server.CreateClient();
        var deployment = await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "staging"));

        var status = await client.Deployments.Statuses.CreateAsync(Repository, deployment.Id, new NewDeploymentStatus(state));

        Assert.Equal(spelled, (string?)Server.Requests[^1].Json["state"]);
        Assert.Equal(state, status.State);
    }

    [Fact]
    public async Task Deployment_statuses_are_listed_newest_first()
    {
        using var client = Server.CreateClient();
        var deployment = await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "staging"));
        await client.Deployments.Statuses.CreateAsync(Repository, deployment.Id, new NewDeploymentStatus(DeploymentState.InProgress));
        await client.Deployments.Statuses.CreateAsync(Repository, deployment.Id, new NewDeploymentStatus(DeploymentState.Failure) { Description = "critical test failed" });

        var statuses = await client.Deployments.Statuses.GetAllAsync(Repository, deployment.Id);

        Assert.Equal([DeploymentState.Failure, DeploymentState.InProgress], statuses.Select(s => s.State));
        Assert.Equal("critical test failed", statuses[0].Description);
        var list = Server.Requests[^1];
        Assert.Equal(("GET", $"/repos/acme/shop/deployments/{deployment.Id}/statuses"), (list.Method, list.Path));
    }

    [Fact]
    public async Task A_description_longer_than_GitHub_allows_is_cut_instead_of_rejected()
    {
        using var client = Server.CreateClient();
        var deployment = await client.Deployments.CreateAsync(Repository, new NewDeployment(Sha, "staging"));
        var verdict = "Rolled back: " + string.Join(", ", Enumerable.Range(1, 40).Select(i => $"Test{i}"));

        var status = await client.Deployments.Statuses.CreateAsync(Repository, deployment.Id, new NewDeploymentStatus(DeploymentState.Failure) { Description = verdict });

        Assert.Equal(140, status.Description!.Length);
        Assert.StartsWith("Rolled back: Test1, Test2", status.Description, StringComparison.Ordinal);
        Assert.EndsWith("…", status.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_for_an_unknown_deployment_fails_with_404()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.Deployments.Statuses.CreateAsync(Repository, 424242, new NewDeploymentStatus(DeploymentState.Success)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("POST /repos/acme/shop/deployments/424242/statuses", error.Message, StringComparison.Ordinal);
    }
}
