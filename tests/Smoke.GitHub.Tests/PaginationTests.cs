using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class PaginationTests : FakeGitHubTest
{
    [Fact]
    public async Task A_list_over_three_pages_follows_the_next_links_to_the_end()
    {
        using var client = Server.CreateClient();
        Server.AddComments(7, 250);

        var comments = await client.Issues.Comments.GetAllForIssueAsync(Repository, 7);

        Assert.Equal(Enumerable.Range(0, 250).Select(i => $"comment {i}"), comments.Select(c => c.Body));
        var requests = Server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(("GET", "/repos/acme/shop/issues/7/comments", "100"), (r.Method, r.Path, r.QueryValue("per_page"))));
        Assert.Equal([null, "2", "3"], requests.Select(r => r.QueryValue("page")));
        Assert.All(requests, r => Assert.Equal($"Bearer {FakeGitHubServer.Token}", r.Header("Authorization")));
    }

    [Fact]
    public async Task Filters_are_kept_on_every_page()
    {
        using var client = Server.CreateClient();
        for (var i = 0; i < 101; i++)
        {
            await client.Deployments.CreateAsync(Repository, new NewDeployment($"v{i}", "staging"));
        }

        await client.Deployments.CreateAsync(Repository, new NewDeployment("other", "production"));

        var staging = await client.Deployments.GetAllAsync(Repository, new DeploymentFilter { Environment = "staging" });

        Assert.Equal(101, staging.Count);
        Assert.All(staging, d => Assert.Equal("staging", d.Environment));
        var pages = Server.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, p => Assert.Equal("staging", p.QueryValue("environment")));
    }

    [Fact]
    public async Task A_single_page_without_a_link_header_is_one_request()
    {
        using var client = Server.CreateClient();
        Server.AddComments(7, 3);

        var comments = await client.Issues.Comments.GetAllForIssueAsync(Repository, 7);

        Assert.Equal(3, comments.Count);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_not_followed_with_the_token()
    {
        using var client = Server.CreateClient();
        Server.RespondOnce(200, "[]", ("Link", "<https://elsewhere.example/repos/acme/shop/issues/7/comments?page=2>; rel=\"next\""));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Issues.Comments.GetAllForIssueAsync(Repository, 7));

        Assert.Contains("next-page link to another host (https://elsewhere.example", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }
}
