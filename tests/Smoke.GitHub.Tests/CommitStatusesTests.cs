using System.Net;
using System.Text.Json.Nodes;
using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class CommitStatusesTests : FakeGitHubTest
{
    private const string Sha = "3f786850e387550fdab836ed7e6dc881de23001b";

    [Fact]
    public async Task A_commit_status_is_posted_to_the_sha_with_its_context()
    {
        using var client = Server.CreateClient();

        var status = await client.CommitStatuses.CreateAsync(Repository, Sha, new NewCommitStatus(CommitState.Failure)
        {
            Context = "smoke/staging",
            Description = "2 critical tests failed",
            TargetUrl = new Uri("https://github.com/acme/shop/actions/runs/99"),
        });

        var request = Assert.Single(Server.Requests);
        Assert.Equal(("POST", $"/repos/acme/shop/statuses/{Sha}"), (request.Method, request.Path));
        var expected = JsonNode.Parse("""
            {
              "state": "failure",
              "context": "smoke/staging",
              "description": "2 critical tests failed",
              "target_url": "https://github.com/acme/shop/actions/runs/99"
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.Body);
        Assert.Equal(CommitState.Failure, status.State);
        Assert.Equal("smoke/staging", status.Context);
    }

    [Fact]
    public async Task The_context_defaults_to_smoke()
    {
        using var client = Server.CreateClient();

        await client.CommitStatuses.CreateAsync(Repository, Sha, new NewCommitStatus(CommitState.Pending));

        Assert.Equal("smoke", (string?)Assert.Single(Server.Requests).Json["context"]);
    }

    [Fact]
    public async Task A_commit_status_in_another_repository_the_token_cannot_see_fails_with_404()
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAsync<GitHubApiException>(() =>
            client.CommitStatuses.CreateAsync(new RepositoryName("acme", "secret"), Sha, new NewCommitStatus(CommitState.Success)));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }
}
