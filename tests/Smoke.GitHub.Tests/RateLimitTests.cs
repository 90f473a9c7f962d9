using System.Globalization;
using System.Net;
using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class RateLimitTests : FakeGitHubTest
{
    private const string PrimaryMessage = """{"message":"API rate limit exceeded for installation ID 1.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"}""";
    private const string SecondaryMessage = """{"message":"You have exceeded a secondary rate limit. Please wait a few minutes before you try again.","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}""";

    private static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ManualTime time = new(Start);
    private readonly List<string> log = [];

    [Theory]
    [InlineData(403)]
    [InlineData(429)]
    public async Task An_exhausted_primary_limit_is_waited_out_until_its_reset(int status)
    {
        using var client = CreateClient();
        RespondPrimaryLimit(status, resetsAt: Start.AddSeconds(30));

        var deployment = await client.Deployments.CreateAsync(Repository, new NewDeployment("main", "staging"));

        Assert.True(deployment.Id > 0);
        Assert.Equal([TimeSpan.FromSeconds(31)], time.Delays);
        var requests = Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal(("POST", "/repos/acme/shop/deployments"), (requests[1].Method, requests[1].Path));
        var line = Assert.Single(log);
        Assert.Contains("primary rate limit exhausted (5000 of 5000 used, resource \"core\")", line, StringComparison.Ordinal);
        Assert.Contains("waiting 31s before retry 1 of 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_primary_limit_that_resets_later_than_the_maximum_wait_fails_saying_when_it_resets()
    {
        using var client = CreateClient(new GitHubClientOptions { MaxRateLimitWait = TimeSpan.FromMinutes(15) });
        RespondPrimaryLimit(403, resetsAt: Start.AddHours(2));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.CreateAsync(Repository, new NewDeployment("main", "staging")));

        Assert.Equal(
            "GitHub API POST /repos/acme/shop/deployments hit the primary rate limit exhausted (5000 of 5000 used, resource \"core\"): "
            + "\"API rate limit exceeded for installation ID 1.\"; it resets at 2030-01-01 14:00:00Z, in 2h 0m, longer than the 15m this client waits. "
            + "Re-run after that time, use a token with its own quota, or raise GitHubClientOptions.MaxRateLimitWait.",
            error.Message);
        Assert.Equal(Start.AddHours(2), error.RateLimitResetsAt);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(Server.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task A_secondary_limit_with_retry_after_is_retried_after_that_many_seconds()
    {
        using var client = CreateClient();
        Server.RespondOnce(403, SecondaryMessage, ("retry-after", "7"));

        await client.Issues.Comments.CreateAsync(Repository, 42, "Smoke passed");

        Assert.Equal([TimeSpan.FromSeconds(7)], time.Delays);
        Assert.Equal(2, Server.Requests.Count);
        Assert.Single(Server.CommentsOn(42));
        Assert.Contains("secondary rate limit: \"You have exceeded a secondary rate limit.", Assert.Single(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secondary_limit_without_retry_after_backs_off_exponentially_from_a_minute()
    {
        using var client = CreateClient();
        Server.RespondOnce(429, SecondaryMessage);
        Server.RespondOnce(403, SecondaryMessage);

        await client.CommitStatuses.CreateAsync(Repository, new string('c', 40), new NewCommitStatus(CommitState.Success));

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], time.Delays);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task The_backoff_is_configurable_and_really_waits()
    {
        using var client = Server.CreateClient(new GitHubClientOptions { SecondaryRateLimitBackoff = TimeSpan.FromMilliseconds(20) });
        Server.RespondOnce(429, SecondaryMessage);
        Server.RespondOnce(429, SecondaryMessage);

        var status = await client.CommitStatuses.CreateAsync(Repository, new string('c', 40), new NewCommitStatus(CommitState.Success));

        Assert.Equal(CommitState.Success, status.State);
        Assert.Equal(3, Server.Requests.Count);
    }

    [Fact]
    public async Task A_call_that_stays_rate_limited_gives_up_after_the_retry_bound()
    {
        using var client = CreateClient(new GitHubClientOptions { MaxRateLimitRetries = 2 });
        for (var i = 0; i < 3; i++)
        {
            Server.RespondOnce(429, SecondaryMessage);
        }

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.GetAllAsync(Repository));

        Assert.Equal(3, Server.Requests.Count);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], time.Delays);
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.StartsWith(
            "GitHub API GET /repos/acme/shop/deployments?per_page=100 was still rate limited after 2 retries over 3m (secondary rate limit: ",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("Wait a few minutes and re-run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_after_longer_than_the_maximum_wait_fails_at_once()
    {
        using var client = CreateClient(new GitHubClientOptions { MaxRateLimitWait = TimeSpan.FromMinutes(5) });
        Server.RespondOnce(403, SecondaryMessage, ("retry-after", "3600"));

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Issues.Comments.CreateAsync(Repository, 42, "x"));

        Assert.Contains("GitHub asked to retry after 1h 0m, longer than the 5m this client waits", error.Message, StringComparison.Ordinal);
        Assert.Single(Server.Requests);
    }

    [Fact]
    public async Task A_403_that_is_not_a_rate_limit_is_not_retried()
    {
        using var client = CreateClient();
        Server.RespondOnce(403, """{"message":"Resource not accessible by integration","documentation_url":"https://docs.github.com/rest/deployments/deployments#create-a-deployment","status":"403"}""");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.CreateAsync(Repository, new NewDeployment("main", "staging")));

        Assert.Single(Server.Requests);
        Assert.Empty(time.Delays);
        Assert.Contains("needs the \"deployments: write\" permission", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_during_a_rate_limit_wait_stops_the_call()
    {
        using var client = Server.CreateClient(new GitHubClientOptions { MaxRateLimitWait = TimeSpan.FromHours(1) });
        Server.RespondOnce(403, SecondaryMessage, ("retry-after", "600"));
        using var cancellation = new CancellationTokenSource();

        var call = client.Deployments.CreateAsync(Repository, new NewDeployment("main", "staging"), cancellation.Token);
        for (var polls = 0; polls < 3000 && Server.Requests.Count == 0; polls++)
        {
            await Task.Delay(10);
        }

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(Server.Requests);
    }

    private GitHubClient CreateClient(GitHubClientOptions? options = null) =>
        Server.CreateClient((options ?? new GitHubClientOptions()) with
        {
            Time = time,
            Log = line =>
            {
                lock (log)
                {
                    log.Add(line);
                }
            },
        });

    private void RespondPrimaryLimit(int status, DateTimeOffset resetsAt) =>
        Server.RespondOnce(
            status,
            PrimaryMessage,
            ("x-ratelimit-limit", "5000"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-used", "5000"),
            ("x-ratelimit-resource", "core"),
            ("x-ratelimit-reset", resetsAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
}
