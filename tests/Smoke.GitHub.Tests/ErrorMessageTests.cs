using System.Net;
using System.Net.Sockets;
using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class ErrorMessageTests : FakeGitHubTest
{
    [Fact]
    public async Task A_rejected_token_says_the_token_is_invalid_or_expired()
    {
        using var client = Server.CreateClient(token: "ghs_NotTheRightToken0000000000000000");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.CreateAsync(Server.Repository, new NewDeployment("main", "staging")));

        Assert.Equal(
            "GitHub API POST /repos/acme/shop/deployments failed with 401 Unauthorized: \"Bad credentials\" (see https://docs.github.com/rest). "
            + "The token was rejected: it is invalid, expired or revoked. Check GITHUB_TOKEN (a workflow's secrets.GITHUB_TOKEN is only valid while its job runs).",
            error.Message);
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("Bad credentials", error.GitHubMessage);
        Assert.Equal("https://docs.github.com/rest", error.DocumentationUrl);
        Assert.Equal(("POST", "/repos/acme/shop/deployments"), (error.Method, error.Path));
    }

    [Fact]
    public async Task A_repository_the_token_cannot_see_says_to_check_access()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.Deployments.GetAllAsync(new RepositoryName("acme", "private-thing"), new DeploymentFilter { Environment = "staging" }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.StartsWith(
            "GitHub API GET /repos/acme/private-thing/deployments?environment=staging&per_page=100 failed with 404 Not Found: \"Not Found\"",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("or the token cannot see it", error.Message, StringComparison.Ordinal);
        Assert.Contains("Check GITHUB_REPOSITORY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_validation_error_names_the_field()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.CreateAsync(Server.Repository, new NewDeployment("", "staging")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal(
            "GitHub API POST /repos/acme/shop/deployments failed with 422 Unprocessable Entity: \"Validation Failed\" [Deployment.ref is required] "
            + "(see https://docs.github.com/rest/deployments/deployments#create-a-deployment). GitHub rejected the values sent; fix the fields named above.",
            error.Message);
    }

    [Fact]
    public async Task A_conflict_explains_required_checks()
    {
        using var client = Server.CreateClient();
        Server.RespondOnce(409, """{"message":"Conflict: Commit status checks failed for main.","documentation_url":"https://docs.github.com/rest/deployments/deployments#create-a-deployment"}""");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.CreateAsync(Server.Repository, new NewDeployment("main", "staging")));

        Assert.Contains("409 Conflict: \"Conflict: Commit status checks failed for main.\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("a required status check has not passed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_says_it_is_usually_temporary()
    {
        using var client = Server.CreateClient();
        Server.RespondOnce(502, "<html>Bad gateway</html>");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Issues.Comments.CreateAsync(Server.Repository, 1, "x"));

        Assert.Equal(
            "GitHub API POST /repos/acme/shop/issues/1/comments failed with 502 Bad Gateway: \"<html>Bad gateway</html>\". "
            + "GitHub had a problem answering; this is usually temporary: check https://www.githubstatus.com and re-run.",
            error.Message);
    }

    [Fact]
    public async Task A_deployment_that_GitHub_merged_instead_of_creating_is_an_error()
    {
        using var client = Server.CreateClient();
        Server.RespondOnce(202, """{"message":"Auto-merged main into topic-branch on deployment."}""");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.Deployments.CreateAsync(Server.Repository, new NewDeployment("topic-branch", "staging") { AutoMerge = true }));

        Assert.Contains("answered 202 and created no deployment of \"topic-branch\": \"Auto-merged main into topic-branch on deployment.\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_says_where_it_tried()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new GitHubClient(FakeGitHubServer.Token, new GitHubClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}") });

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.GetAllAsync(Server.Repository));

        Assert.StartsWith($"GitHub API GET /repos/acme/shop/deployments?per_page=100 could not be reached at http://127.0.0.1:{port}/", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check GITHUB_API_URL and the network.", error.Message, StringComparison.Ordinal);
        Assert.Null(error.StatusCode);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it_for_GitHub_Enterprise_Server()
    {
        await using var enterprise = await FakeGitHubServer.StartAsync();
        using var client = new GitHubClient(FakeGitHubServer.Token, new GitHubClientOptions { BaseAddress = new Uri(enterprise.BaseAddress, "api/v3") });

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.GetAllAsync(enterprise.Repository));

        Assert.Equal("/api/v3/repos/acme/shop/deployments", Assert.Single(enterprise.Requests).Path);
        Assert.Equal("/repos/acme/shop/deployments?per_page=100", error.Path);
    }
}
