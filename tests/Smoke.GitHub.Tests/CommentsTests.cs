using System.Text.Json.Nodes;
using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class CommentsTests : FakeGitHubTest
{
    private const int PullRequest = 42;

    [Fact]
    public async Task A_comment_is_created_listed_and_updated()
    {
        using var client = Server.CreateClient();

        var created = await client.Issues.Comments.CreateAsync(Repository, PullRequest, "Smoke passed");
        var updated = await client.Issues.Comments.UpdateAsync(Repository, created.Id, "Smoke passed (re-run)");
        var listed = await client.Issues.Comments.GetAllForIssueAsync(Repository, PullRequest);

        var requests = Server.Requests;
        Assert.Equal(("POST", "/repos/acme/shop/issues/42/comments"), (requests[0].Method, requests[0].Path));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"body":"Smoke passed"}"""), requests[0].Json), requests[0].Body);
        Assert.Equal(("PATCH", $"/repos/acme/shop/issues/comments/{created.Id}"), (requests[1].Method, requests[1].Path));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"body":"Smoke passed (re-run)"}"""), requests[1].Json), requests[1].Body);
        Assert.Equal(("GET", "/repos/acme/shop/issues/42/comments"), (requests[2].Method, requests[2].Path));
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal("Smoke passed (re-run)", Assert.Single(listed).Body);
        Assert.Equal(new Uri($"https://github.com/acme/shop/pull/42#issuecomment-{created.Id}"), listed[0].HtmlUrl);
    }

    [Fact]
    public async Task Upserting_twice_updates_the_marked_comment_instead_of_adding_another()
    {
        using var client = Server.CreateClient();
        Server.AddComments(PullRequest, 2, i => $"a reviewer's comment {i}");

        var first = await client.Issues.Comments.UpsertAsync(Repository, PullRequest, "smoke-report:staging", "## Smoke: 3 failed");
        var second = await client.Issues.Comments.UpsertAsync(Repository, PullRequest, "smoke-report:staging", "## Smoke: all passed");

        Assert.Equal(CommentUpsertOutcome.Created, first.Outcome);
        Assert.Equal(CommentUpsertOutcome.Updated, second.Outcome);
        Assert.Equal(first.Comment.Id, second.Comment.Id);
        var comments = Server.CommentsOn(PullRequest);
        Assert.Equal(3, comments.Count);
        var ours = Assert.Single(comments, c => c.Body.Contains("<!-- smoke:smoke-report:staging -->", StringComparison.Ordinal));
        Assert.Equal("<!-- smoke:smoke-report:staging -->\n## Smoke: all passed", ours.Body);
        Assert.Equal(
            ["GET", "POST", "GET", "PATCH"],
            Server.Requests.Select(r => r.Method));
        Assert.Equal($"/repos/acme/shop/issues/comments/{first.Comment.Id}", Server.Requests[^1].Path);
    }

    [Fact]
    public async Task Upserting_the_same_body_again_sends_no_update()
    {
        using var client = Server.CreateClient();
        await client.Issues.Comments.UpsertAsync(Repository, PullRequest, "smoke-report", "## Smoke: all passed");

        var again = await client.Issues.Comments.UpsertAsync(Repository, PullRequest, "smoke-report", "## Smoke: all passed");

        Assert.Equal(CommentUpsertOutcome.Unchanged, again.Outcome);
        Assert.DoesNotContain(Server.Requests, r => r.Method == "PATCH");
        Assert.Single(Server.CommentsOn(PullRequest));
    }

    [Fact]
    public async Task Comments_with_different_keys_are_kept_apart()
    {
        using var client = Server.CreateClient();

        await client.Issues.Comments.UpsertAsync(Repository, PullRequest, "smoke-report:staging", "staging");
        await client.Issues.Comments.UpsertAsync(Repository, PullRequest, "smoke-report:production", "production");

        Assert.Equal(2, Server.CommentsOn(PullRequest).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-->b")]
    [InlineData("line\nbreak")]
    public async Task A_key_that_could_break_the_hidden_marker_is_refused(string key)
    {
        using var client = Server.CreateClient();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.Issues.Comments.UpsertAsync(Repository, PullRequest, key, "body"));

        Assert.Contains("cannot mark a comment", error.Message, StringComparison.Ordinal);
        Assert.Empty(Server.Requests);
    }
}
