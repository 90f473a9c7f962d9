using System.Text.Json;
using Smoke.GitHub.Fake;
using Smoke.Release;

namespace Smoke.Build.Tests.Release;

/// <summary>Deploys to one long-lived environment: a release that passes stays, one that fails is replaced by the last known good.</summary>
[Collection(DeployCollection.Name)]
public sealed class RollbackTests(DeployedEnvironment deployed)
{
    private TestEnvironment Environment => deployed.Environment;

    [Fact]
    public async Task A_release_that_passes_becomes_the_last_known_good_and_GitHub_hears_success_with_the_run_as_log()
    {
        Assert.True(deployed.FirstDeploy.ExitCode == 0, deployed.FirstDeploy.Output);
        var first = (await Environment.ReadStateAsync()).History[^1];
        Assert.Equal((deployed.GoodRelease, ReleaseAction.Deploy, ReleaseVerdict.Passed, DeployedEnvironment.GoodSha), (first.Release, first.Action, first.Verdict, first.GitSha));
        Assert.Equal($"smoke/sample:{deployed.GoodRelease}", first.Images["api"]);

        var calls = deployed.FirstDeployCalls.Where(call => call.IsDeployment).ToList();
        Assert.Equal(
            [("POST", "/repos/acme/shop/deployments", null), ("POST", "/repos/acme/shop/deployments/{id}/statuses", "in_progress"), ("POST", "/repos/acme/shop/deployments/{id}/statuses", "success")],
            calls.Select(Shape));
        Assert.Equal(DeployedEnvironment.GoodSha, (string?)calls[0].Json["ref"]);
        Assert.Equal(Environment.Name, (string?)calls[0].Json["environment"]);
        Assert.Equal(deployed.GitHub.RunUrl, (string?)calls[2].Json["log_url"]);
        Assert.All(deployed.FirstDeployCalls, call => Assert.Equal($"Bearer {FakeGitHubServer.Token}", call.Authorization));
        Assert.DoesNotContain(FakeGitHubServer.Token, deployed.FirstDeploy.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deploy_run_for_a_pull_request_puts_its_summary_on_it_as_a_comment_marked_with_the_environment()
    {
        Assert.True(deployed.FirstDeploy.ExitCode == 0, deployed.FirstDeploy.Output);
        var calls = deployed.FirstDeployCalls.Where(call => call.IsComment).ToList();
        Assert.Equal([("GET", CommentsPath), ("POST", CommentsPath)], calls.Select(call => (call.Method, call.Path)));
        var body = (string?)calls[1].Json["body"];
        Assert.StartsWith($"<!-- smoke:smoke-report:{Environment.Name} -->\n", body, StringComparison.Ordinal);
        Assert.Contains($"## Deploy to {Environment.Name}", body, StringComparison.Ordinal);
        Assert.Contains($"**deployed:** release {deployed.GoodRelease} is deployed to \"{Environment.Name}\"", body, StringComparison.Ordinal);
        Assert.Contains($"GitHub: summary comment on #{FakeGitHubServer.PullRequest} created", deployed.FirstDeploy.Output, StringComparison.Ordinal);
        Assert.Single(deployed.GitHub.CommentsOn(FakeGitHubServer.PullRequest));
    }

    [Fact]
    public async Task A_release_whose_api_never_becomes_ready_is_rolled_back_and_the_good_one_serves_again_with_exit_code_3()
    {
        var good = (await Environment.ReadStateAsync()).LastKnownGood!;
        var comment = Assert.Single(deployed.GitHub.CommentsOn(FakeGitHubServer.PullRequest));
        deployed.GitHub.ClearRequests();

        using var run = await BuildScriptRun.RunAsync(
            DeployedEnvironment.DeployArguments(deployed.CrashingRelease, Environment.Name, "--commit-sha", DeployedEnvironment.BadSha, "--pull-request-comment"),
            deployed.GitHub.PullRequestEnvironment);

        Assert.True(run.ExitCode == 3, run.Output);
        var state = await Environment.ReadStateAsync();
        Assert.Equal((good.Release, ReleaseAction.Rollback, ReleaseVerdict.Passed, deployed.CrashingRelease), (state.Current!.Release, state.Current.Action, state.Current.Verdict, state.Current.RollbackOf));
        Assert.Equal(state.Current.Id, state.LastKnownGood!.Id);
        var failed = state.History[1];
        Assert.Equal((deployed.CrashingRelease, ReleaseVerdict.Failed), (failed.Release, failed.Verdict));
        Assert.Contains("critical service \"api\" never became ready", failed.Reason, StringComparison.Ordinal);
        Assert.False(state.IsDegraded);

        var containers = await Environment.ContainersAsync();
        Assert.Equal((good.Images["api"], "running"), containers["api"]);
        Assert.Equal((good.Images["worker"], "running"), containers["worker"]);
        Assert.Equal(200, await ApiReadyStatusAsync());

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "report.json")));
        var rollback = report.RootElement.GetProperty("rollback");
        Assert.True(rollback.GetProperty("rollBack").GetBoolean());
        Assert.Equal("ServiceNotReady", rollback.GetProperty("firedRules")[0].GetProperty("rule").GetString());
        Assert.Contains("roll back: critical service \"api\" never became ready", await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "summary.md")), StringComparison.Ordinal);

        var calls = deployed.GitHub.Requests.Where(call => call.IsDeployment).ToList();
        Assert.Equal(
            [
                ("POST", "/repos/acme/shop/deployments", null), ("POST", "/repos/acme/shop/deployments/{id}/statuses", "in_progress"), ("POST", "/repos/acme/shop/deployments/{id}/statuses", "failure"),
                ("POST", "/repos/acme/shop/deployments", null), ("POST", "/repos/acme/shop/deployments/{id}/statuses", "in_progress"), ("POST", "/repos/acme/shop/deployments/{id}/statuses", "success"),
            ],
            calls.Select(Shape));
        Assert.Equal(DeployedEnvironment.BadSha, (string?)calls[0].Json["ref"]);
        Assert.StartsWith("roll back: critical service \"api\" never became ready", (string?)calls[2].Json["description"], StringComparison.Ordinal);
        Assert.Equal(good.GitSha, (string?)calls[3].Json["ref"]);
        Assert.Equal(calls[4].Path, calls[5].Path);
        Assert.NotEqual(calls[1].Path, calls[4].Path);

        Assert.Equal(
            [("GET", CommentsPath), ("PATCH", $"/repos/acme/shop/issues/comments/{comment.Id}")],
            deployed.GitHub.Requests.Where(call => call.IsComment).Select(call => (call.Method, call.Path)));
        var updated = Assert.Single(deployed.GitHub.CommentsOn(FakeGitHubServer.PullRequest));
        Assert.Equal(comment.Id, updated.Id);
        Assert.StartsWith($"<!-- smoke:smoke-report:{Environment.Name} -->\n", updated.Body, StringComparison.Ordinal);
        Assert.Contains($"**rolled-back:** \"{Environment.Name}\" runs {good.Release} again", updated.Body, StringComparison.Ordinal);
        Assert.Contains($"rolled back from {deployed.CrashingRelease}", updated.Body, StringComparison.Ordinal);
        Assert.Contains($"| current | {good.Release} | Rollback | Passed |", updated.Body, StringComparison.Ordinal);
        Assert.Contains("roll back: critical service \"api\" never became ready", updated.Body, StringComparison.Ordinal);
        Assert.Contains($"GitHub: summary comment on #{FakeGitHubServer.PullRequest} updated", run.Output, StringComparison.Ordinal);
        Assert.All(deployed.GitHub.Requests, call => Assert.Equal($"Bearer {FakeGitHubServer.Token}", call.Authorization));
        Assert.DoesNotContain(FakeGitHubServer.Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_deploy_with_Rollback_skipped_exits_1_not_3_and_a_rollback_by_hand_puts_the_good_release_back()
    {
        var good = (await Environment.ReadStateAsync()).LastKnownGood!;

        using (var run = await BuildScriptRun.RunAsync(DeployedEnvironment.DeployArguments(deployed.CrashingRelease, Environment.Name, "--skip", "Rollback")))
        {
            Assert.True(run.ExitCode == 1, run.Output);
            Assert.Matches(@"Rollback\s+Skipped\s+via --skip", run.Output);
        }

        var failed = await Environment.ReadStateAsync();
        Assert.Equal((deployed.CrashingRelease, ReleaseAction.Deploy, ReleaseVerdict.Failed), (failed.Current!.Release, failed.Current.Action, failed.Current.Verdict));
        Assert.Equal(good.Id, failed.LastKnownGood!.Id);
        Assert.Equal(deployed.CrashingRelease, ReleaseImage.Parse((await Environment.ContainersAsync())["api"].Image).Tag);

        using var byHand = await BuildScriptRun.RunAsync(["Rollback", "--environment", Environment.Name, "--smoke-projects", "tests/smoke/SmokeTests.Services", "--only", "health", "--image-source", "offline"]);

        Assert.True(byHand.ExitCode == 0, byHand.Output);
        Assert.Equal((good.Images["api"], "running"), (await Environment.ContainersAsync())["api"]);
        Assert.Equal(200, await ApiReadyStatusAsync());
    }

    [Fact]
    public async Task A_fault_that_breaks_only_non_critical_tests_stays_deployed_when_the_policy_tolerates_their_failure_rate()
    {
        using var run = await BuildScriptRun.RunAsync(DeployedEnvironment.DeployArguments(
            deployed.FailingApiRelease, Environment.Name, "--only", "health", "errors", "--failed-percent-threshold", "50"));

        Assert.NotEqual(3, run.ExitCode);
        Assert.Contains($"release {deployed.FailingApiRelease} stays deployed to \"{Environment.Name}\"", run.Output, StringComparison.Ordinal);
        var state = await Environment.ReadStateAsync();
        Assert.Equal((deployed.FailingApiRelease, ReleaseAction.Deploy, ReleaseVerdict.Passed), (state.Current!.Release, state.Current.Action, state.Current.Verdict));
        Assert.Equal(state.Current.Id, state.LastKnownGood!.Id);
        Assert.Equal($"smoke/sample:{deployed.FailingApiRelease}", (await Environment.ContainersAsync())["api"].Image);

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "report.json")));
        var decision = report.RootElement.GetProperty("rollback");
        Assert.False(decision.GetProperty("rollBack").GetBoolean());
        Assert.True(decision.GetProperty("inputs").GetProperty("failed").GetInt32() > 0);
        Assert.Equal(0, decision.GetProperty("inputs").GetProperty("criticalFailedTests").GetArrayLength());
        Assert.Equal(50, decision.GetProperty("options").GetProperty("failedPercentThreshold").GetDecimal());
    }

    [Fact]
    public async Task When_the_rollback_fails_too_the_environment_is_degraded_with_exit_code_4_until_a_rollback_by_hand_repairs_it()
    {
        var good = (await Environment.ReadStateAsync()).LastKnownGood!;
        var restore = await deployed.Images.RemoveAsync(ReleaseImage.Parse(good.Images["api"]).Tag);
        deployed.GitHub.ClearRequests();
        BuildScriptRun run;
        try
        {
            run = await BuildScriptRun.RunAsync(DeployedEnvironment.DeployArguments(deployed.CrashingRelease, Environment.Name), deployed.GitHub.Environment);
        }
        finally
        {
            await restore();
        }

        using (run)
        {
            Assert.True(run.ExitCode == 4, run.Output);
            Assert.Contains($"environment \"{Environment.Name}\" is DEGRADED: rolling back from {deployed.CrashingRelease} to {good.Release} failed", run.Output, StringComparison.Ordinal);
            Assert.Contains($"its image {good.Images["api"]} is not on the Docker engine", run.Output, StringComparison.Ordinal);
            Assert.Contains("What runs now: api smoke/sample:" + deployed.CrashingRelease, run.Output, StringComparison.Ordinal);
        }

        var degraded = await Environment.ReadStateAsync();
        Assert.True(degraded.IsDegraded);
        Assert.Equal((good.Release, ReleaseAction.Rollback, ReleaseVerdict.Failed), (degraded.Current!.Release, degraded.Current.Action, degraded.Current.Verdict));
        Assert.Equal(good.Id, degraded.LastKnownGood!.Id);
        Assert.Equal(["in_progress", "failure", "in_progress", "error"], deployed.GitHub.Requests.Where(call => call.State is not null).Select(call => call.State!));
        Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "artifacts", "smoke", "diagnostics", $"environment-{Environment.Name}.json")));

        using var byHand = await BuildScriptRun.RunAsync(["Rollback", "--environment", Environment.Name, "--smoke-projects", "tests/smoke/SmokeTests.Services", "--only", "health", "--image-source", "offline"]);

        Assert.True(byHand.ExitCode == 0, byHand.Output);
        var repaired = await Environment.ReadStateAsync();
        Assert.Equal((good.Release, ReleaseAction.Rollback, ReleaseVerdict.Passed), (repaired.Current!.Release, repaired.Current.Action, repaired.Current.Verdict));
        Assert.False(repaired.IsDegraded);
        Assert.Equal(200, await ApiReadyStatusAsync());
    }

    private static string CommentsPath => $"/repos/acme/shop/issues/{FakeGitHubServer.PullRequest}/comments";

    private static (string Method, string Path, string? State) Shape(RecordedRequest call)
    {
        var segments = call.Path.Split('/');
        var path = segments.Length > 5 ? string.Join('/', segments.Take(5).Append("{id}").Concat(segments.Skip(6))) : call.Path;
        return (call.Method, path, call.State);
    }

    private async Task<int> ApiReadyStatusAsync()
    {
        var containers = await deployed.Engine.ListContainersAsync([$"com.docker.compose.project={Environment.ProjectName}", "com.docker.compose.service=api"]);
        var api = await deployed.Engine.InspectContainerAsync(Assert.Single(containers).Id);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{api.FindHostPort(8080)}/healthz/ready"));
        return (int)response.StatusCode;
    }
}
