using System.Net;
using System.Net.Sockets;
using Smoke.GitHub.Fake;

namespace Smoke.GitHub.Tests;

public sealed class TokenSecrecyTests : FakeGitHubTest
{
    private const string Token = FakeGitHubServer.Token;

    [Fact]
    public async Task The_token_is_in_no_exception_of_any_failure()
    {
        var log = new List<string>();
        var time = new ManualTime(DateTimeOffset.UnixEpoch);
        var options = new GitHubClientOptions { Time = time, MaxRateLimitRetries = 1, Log = log.Add };
        using var client = Server.CreateClient(options);
        using var wrongToken = Server.CreateClient(options, token: Token + "x");
        var errors = new List<Exception>
        {
            await Assert.ThrowsAsync<GitHubApiException>(() => wrongToken.Deployments.GetAllAsync(Repository)),
            await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.GetAllAsync(new RepositoryName("acme", "nope"))),
            await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.CreateAsync(Repository, new NewDeployment("", "staging"))),
        };
        Server.RespondOnce(429, """{"message":"secondary rate limit"}""");
        Server.RespondOnce(429, """{"message":"secondary rate limit"}""");
        errors.Add(await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.GetAllAsync(Repository)));
        Server.RespondOnce(403, """{"message":"API rate limit exceeded"}""", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "99999999999"));
        errors.Add(await Assert.ThrowsAsync<GitHubApiException>(() => client.Deployments.GetAllAsync(Repository)));
        errors.Add(await Assert.ThrowsAsync<GitHubApiException>(() => UnreachableClient().Deployments.GetAllAsync(Repository)));

        Assert.Equal(6, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain(Token, e.ToString(), StringComparison.Ordinal));
        Assert.NotEmpty(log);
        Assert.All(log, line => Assert.DoesNotContain(Token, line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_echoed_back_by_the_server_is_redacted()
    {
        var log = new List<string>();
        using var client = Server.CreateClient(new GitHubClientOptions { Time = new ManualTime(DateTimeOffset.UnixEpoch), Log = log.Add });
        Server.RespondOnce(429, $$"""{"message":"secondary rate limit for {{Token}}"}""");
        Server.RespondOnce(401, $$"""{"message":"Bad credentials: {{Token}}"}""");

        var error = await Assert.ThrowsAsync<GitHubApiException>(() => client.Issues.Comments.CreateAsync(Repository, 1, "x"));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("Bad credentials: ***", error.Message, StringComparison.Ordinal);
        Assert.Equal("Bad credentials: ***", error.GitHubMessage);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("secondary rate limit for ***", Assert.Single(log), StringComparison.Ordinal);
    }

    [Fact]
    public void The_token_is_not_in_the_string_form_of_anything_that_holds_it()
    {
        using var client = Server.CreateClient();
        using var integration = GitHubIntegration.Create(Token, "acme/shop");

        Assert.DoesNotContain(Token, client.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, client.Options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, integration.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, integration.StatusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_is_sent_only_as_a_bearer_header()
    {
        using var client = Server.CreateClient();

        await client.Deployments.CreateAsync(Repository, new NewDeployment("main", "staging") { Description = "deploy" });

        var request = Assert.Single(Server.Requests);
        Assert.Equal($"Bearer {Token}", request.Header("Authorization"));
        Assert.DoesNotContain(Token, request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, request.Path + request.Query, StringComparison.Ordinal);
        Assert.All(request.Headers.Where(h => h.Key != "Authorization"), h => Assert.DoesNotContain(Token, h.Value, StringComparison.Ordinal));
    }

    private static GitHubClient UnreachableClient()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new GitHubClient(Token, new GitHubClientOptions { BaseAddress = new Uri($"http://127.0.0.1:{port}") });
    }
}
