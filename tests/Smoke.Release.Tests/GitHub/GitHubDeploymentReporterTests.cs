using Smoke.GitHub;
using Smoke.GitHub.Fake;

namespace Smoke.Release.Tests.GitHub;

/// <summary>The reporter against a fake GitHub: what it sends, what it says, and that GitHub failing never fails a deploy.</summary>
public sealed class GitHubDeploymentReporterTests : FakeGitHubTest, IDisposable
{
    private const string Sha = "4242424242424242424242424242424242424242";
    private const string DeploymentsPath = "/repos/acme/shop/deployments";
    private const int PullRequest = FakeGitHubServer.PullRequest;

    private static readonly Uri LogUrl = new("https://github.com/acme/shop/actions/runs/4242");

    private readonly List<string> _info = [];
    private readonly List<string> _warnings = [];
    private readonly List<GitHubIntegration> _integrations = [];

    public void Dispose() => _integrations.ForEach(github => github.Dispose());

    [Fact]
    public async Task Without_a_token_nothing_is_sent_and_no_deployment_is_started()
    {
        var reporter = Reporter(token: null);

        var id = await StartAsync(reporter);
        await reporter.SetAsync(1001, DeploymentState.Success, "v42 passed", LogUrl, CancellationToken.None);
        await reporter.CommentAsync(PullRequest, "staging", "## Deploy to staging", CancellationToken.None);

        Assert.False(reporter.IsConfigured);
        Assert.Null(id);
        Assert.Empty(Server.Requests);
        Assert.Empty(_info);
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Start_creates_a_deployment_of_the_ref_to_the_environment_and_sets_it_in_progress()
    {
        var reporter = Reporter();

        var id = await StartAsync(reporter);

        Assert.True(reporter.IsConfigured);
        Assert.NotNull(id);
        var requests = Server.Requests;
        Assert.Equal([("POST", DeploymentsPath), ("POST", $"{DeploymentsPath}/{id}/statuses")], requests.Select(r => (r.Method, r.Path)));
        var deployment = requests[0].Json;
        Assert.Equal((Sha, "staging", "deploying v42"), ((string?)deployment["ref"], (string?)deployment["environment"], (string?)deployment["description"]));
        Assert.Equal(("v42", "staging"), ((string?)deployment["payload"]!["release"], (string?)deployment["payload"]!["environment"]));
        var status = requests[1].Json;
        Assert.Equal(("in_progress", "deploying v42", LogUrl.ToString()), ((string?)status["state"], (string?)status["description"], (string?)status["log_url"]));
        Assert.Equal([$"GitHub: deployment {id} of {Sha} to staging created", $"GitHub: deployment {id} is in_progress"], _info);
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task Setting_the_state_of_a_deployment_that_was_never_created_sends_nothing()
    {
        await Reporter().SetAsync(null, DeploymentState.Success, "v42 passed", LogUrl, CancellationToken.None);

        Assert.Empty(Server.Requests);
        Assert.Empty(_info);
        Assert.Empty(_warnings);
    }

    [Theory]
    [InlineData(DeploymentState.Success, "success", "release v42 is deployed to \"staging\"")]
    [InlineData(DeploymentState.Failure, "failure", "roll back: critical service \"api\" never became ready")]
    public async Task Set_posts_the_verdict_with_its_description_and_the_run_as_log(DeploymentState state, string spelled, string description)
    {
        var reporter = Reporter();
        var id = await StartAsync(reporter);
        Server.ClearRequests();

        await reporter.SetAsync(id, state, description, LogUrl, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal(("POST", $"{DeploymentsPath}/{id}/statuses"), (request.Method, request.Path));
        Assert.Equal((spelled, description, LogUrl.ToString()), ((string?)request.Json["state"], (string?)request.Json["description"], (string?)request.Json["log_url"]));
        Assert.Equal($"GitHub: deployment {id} is {spelled}", _info[^1]);
        Assert.Empty(_warnings);
    }

    [Theory]
    [InlineData(500, "Server Error", "500 Internal Server Error")]
    [InlineData(422, "Validation Failed", "422 Unprocessable Entity")]
    public async Task A_deployment_GitHub_refuses_is_a_warning_naming_the_release_and_environment_and_the_deploy_goes_on(int status, string message, string spelled)
    {
        Server.RespondOnce(status, $$"""{"message":"{{message}}"}""");

        var id = await StartAsync(Reporter());

        Assert.Null(id);
        var request = Assert.Single(Server.Requests);
        Assert.Equal(("POST", DeploymentsPath), (request.Method, request.Path));
        var warning = Assert.Single(_warnings);
        Assert.StartsWith("GitHub: could not create the deployment of v42 to staging; the deploy goes on without it: ", warning, StringComparison.Ordinal);
        Assert.Contains($"{spelled}: \"{message}\"", warning, StringComparison.Ordinal);
        Assert.Empty(_info);
    }

    [Fact]
    public async Task A_rejected_token_is_a_warning_that_names_neither_token()
    {
        const string wrongToken = "ghs_NotTheRightToken0000000000000000";

        var id = await StartAsync(Reporter(wrongToken), "v43", "production");

        Assert.Null(id);
        Assert.Equal($"Bearer {wrongToken}", Assert.Single(Server.Requests).Authorization);
        var warning = Assert.Single(_warnings);
        Assert.StartsWith("GitHub: could not create the deployment of v43 to production;", warning, StringComparison.Ordinal);
        Assert.Contains("401 Unauthorized: \"Bad credentials\"", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, warning, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHubServer.Token, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_GitHub_refuses_is_a_warning_naming_the_deployment_and_the_state()
    {
        await Reporter().SetAsync(999, DeploymentState.Success, "v42 passed", LogUrl, CancellationToken.None);

        var request = Assert.Single(Server.Requests);
        Assert.Equal(("POST", $"{DeploymentsPath}/999/statuses"), (request.Method, request.Path));
        var warning = Assert.Single(_warnings);
        Assert.StartsWith("GitHub: could not set deployment 999 to success: ", warning, StringComparison.Ordinal);
        Assert.Contains("404 Not Found", warning, StringComparison.Ordinal);
        Assert.Empty(_info);
    }

    [Fact]
    public async Task The_summary_comment_is_created_once_and_then_updated_in_place()
    {
        var reporter = Reporter();
        Server.AddComments(PullRequest, 1, _ => "a reviewer's comment");

        await reporter.CommentAsync(PullRequest, "staging", "## Deploy to staging: deployed", CancellationToken.None);
        var created = Assert.Single(Server.CommentsOn(PullRequest), c => c.Body.StartsWith("<!-- smoke:smoke-report:staging -->\n", StringComparison.Ordinal));
        await reporter.CommentAsync(PullRequest, "staging", "## Deploy to staging: rolled back", CancellationToken.None);

        var comments = Server.CommentsOn(PullRequest);
        Assert.Equal(2, comments.Count);
        var updated = Assert.Single(comments, c => c.Id == created.Id);
        Assert.Equal("<!-- smoke:smoke-report:staging -->\n## Deploy to staging: rolled back", updated.Body);
        var commentsPath = $"/repos/acme/shop/issues/{PullRequest}/comments";
        Assert.Equal(
            [("GET", commentsPath), ("POST", commentsPath), ("GET", commentsPath), ("PATCH", $"/repos/acme/shop/issues/comments/{created.Id}")],
            Server.Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal([$"GitHub: summary comment on #{PullRequest} created", $"GitHub: summary comment on #{PullRequest} updated"], _info);
        Assert.Empty(_warnings);
    }

    [Fact]
    public async Task A_comment_GitHub_refuses_is_a_warning_naming_the_pull_request()
    {
        Server.RespondOnce(403, """{"message":"Resource not accessible by integration"}""");

        await Reporter().CommentAsync(PullRequest, "staging", "## Deploy to staging", CancellationToken.None);

        var warning = Assert.Single(_warnings);
        Assert.StartsWith($"GitHub: could not comment on #{PullRequest}: ", warning, StringComparison.Ordinal);
        Assert.Contains("403 Forbidden: \"Resource not accessible by integration\"", warning, StringComparison.Ordinal);
        Assert.Empty(Server.CommentsOn(PullRequest));
        Assert.Empty(_info);
    }

    [Fact]
    public async Task The_token_is_in_no_line_the_reporter_writes_even_when_GitHub_echoes_it()
    {
        var reporter = Reporter();

        var id = await StartAsync(reporter);
        await reporter.CommentAsync(PullRequest, "staging", "## Deploy to staging", CancellationToken.None);
        Server.RespondOnce(500, $$"""{"message":"could not use {{FakeGitHubServer.Token}}"}""");
        await reporter.SetAsync(id, DeploymentState.Success, "v42 passed", LogUrl, CancellationToken.None);
        Server.RespondOnce(401, $$"""{"message":"Bad credentials: {{FakeGitHubServer.Token}}"}""");
        await reporter.CommentAsync(PullRequest, "staging", "## Deploy to staging, again", CancellationToken.None);
        Server.RespondOnce(422, $$"""{"message":"{{FakeGitHubServer.Token}} is not a ref"}""");
        await StartAsync(reporter, "v43");

        Assert.Equal(3, _info.Count);
        Assert.Equal(3, _warnings.Count);
        Assert.All(_warnings, line => Assert.Contains("***", line, StringComparison.Ordinal));
        Assert.All(_info.Concat(_warnings), line => Assert.DoesNotContain(FakeGitHubServer.Token, line, StringComparison.Ordinal));
    }

    /// <summary>A reporter configured as a workflow run pointed at the fake server would be, with this token (none when null).</summary>
    private GitHubDeploymentReporter Reporter(string? token = FakeGitHubServer.Token)
    {
        var github = GitHubIntegration.FromVariables(name => name == "GITHUB_TOKEN" ? token : Server.Environment.GetValueOrDefault(name));
        _integrations.Add(github);
        return new GitHubDeploymentReporter(github, _info.Add, _warnings.Add);
    }

    private static Task<long?> StartAsync(GitHubDeploymentReporter reporter, string release = "v42", string environment = "staging") =>
        reporter.StartAsync(environment, Sha, release, $"deploying {release}", LogUrl, CancellationToken.None);
}
