using Smoke.GitHub.Fake;
using Smoke.Release.Tests.Support;

namespace Smoke.Release.Tests.Reporting;

/// <summary>What a deploy and its rollback tell GitHub, the job summary and the pull request, against a fake GitHub.</summary>
public sealed class DeployReportingTests : FakeGitHubTest, IDisposable
{
    private readonly FlowSetup _setup = new();

    public void Dispose() => _setup.Dispose();

    [Fact]
    public async Task A_deploy_and_its_rollback_are_two_GitHub_deployments_with_the_run_page_as_their_log()
    {
        _setup.Variables = Server.Environment;
        await _setup.DeployGoodAsync("v41");
        Server.ClearRequests();

        var failed = _setup.Deploy();
        await failed.BeginAsync("v42", "4242", CancellationToken.None);
        await failed.ReportStartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<DeployFailedException>(() => failed.JudgeAsync(new DeployEvidence(SmokeResults.RollBack()), CancellationToken.None));
        await _setup.Rollback().RunAsync(failed.PendingRollback ?? throw new InvalidOperationException("no rollback"), CancellationToken.None);

        var calls = Server.Requests.Where(call => call.IsDeployment).ToList();
        Assert.Equal(["POST", "in_progress", "failure", "POST", "in_progress", "success"], calls.Select(call => call.State ?? call.Method));
        Assert.Equal(("4242", "staging", "v42 to staging"), ((string?)calls[0].Json["ref"], (string?)calls[0].Json["environment"], (string?)calls[0].Json["description"]));
        Assert.Equal(SmokeResults.RollBack().Summary, (string?)calls[2].Json["description"]);
        Assert.Equal(("v41-sha", "rollback to v41"), ((string?)calls[3].Json["ref"], (string?)calls[3].Json["description"]));
        Assert.Equal("rolled back to v41", (string?)calls[5].Json["description"]);
        Assert.All(calls.Where(call => call.State is not null), call => Assert.Equal(Server.RunUrl, (string?)call.Json["log_url"]));
        Assert.Contains($"GitHub: reporting to {FakeGitHubServer.Owner}/{FakeGitHubServer.Repo} through {Server.BaseAddress}", _setup.Log.Of("info"));
    }

    [Fact]
    public async Task The_report_url_replaces_the_run_page_as_the_statuses_log()
    {
        _setup.Variables = Server.Environment;
        _setup.Options = _setup.Options with { ReportUrl = new Uri("https://reports.example/run/7") };

        await _setup.DeployGoodAsync("v42");

        Assert.All(Server.Requests.Where(call => call.State is not null), call => Assert.Equal("https://reports.example/run/7", (string?)call.Json["log_url"]));
    }

    [Fact]
    public async Task Without_a_token_the_deploy_says_once_that_GitHub_is_skipped_and_sends_nothing()
    {
        await _setup.DeployGoodAsync("v42");

        Assert.Single(_setup.Log.Of("info"), line => line.StartsWith("GitHub steps skipped: no token", StringComparison.Ordinal));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_deploy_for_a_pull_request_comments_its_summary_there_when_asked_and_sends_its_section_to_the_job_summary()
    {
        _setup.Variables = Server.PullRequestEnvironment;
        _setup.Options = _setup.Options with { PullRequestComment = true };
        Directory.CreateDirectory(_setup.Artifacts);
        await File.WriteAllTextAsync(Path.Combine(_setup.Artifacts, "summary.md"), "# Smoke report\n");

        await _setup.DeployGoodAsync("v42");

        var comment = Assert.Single(Server.CommentsOn(FakeGitHubServer.PullRequest));
        Assert.StartsWith("<!-- smoke:smoke-report:staging -->\n# Smoke report\n\n## Deploy to staging\n", comment.Body, StringComparison.Ordinal);
        Assert.StartsWith("\n## Deploy to staging\n\n**deployed:** release v42 is deployed", Assert.Single(_setup.Log.Of("summary")), StringComparison.Ordinal);
        Assert.Equal(comment.Body[comment.Body.IndexOf("# Smoke", StringComparison.Ordinal)..], _setup.ReadArtifact("summary.md"));
    }

    [Fact]
    public async Task Without_being_asked_a_deploy_leaves_the_pull_request_alone()
    {
        _setup.Variables = Server.PullRequestEnvironment;

        await _setup.DeployGoodAsync("v42");

        Assert.DoesNotContain(Server.Requests, call => call.IsComment);
    }
}
