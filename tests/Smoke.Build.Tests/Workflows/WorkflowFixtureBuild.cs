using Smoke.Build.Workflows;
using Smoke.Pipeline;

namespace Smoke.Build.Tests.Workflows;

[GitHubWorkflow(
    "deploy",
    OnPushBranches = ["main"],
    OnPullRequestBranches = ["main", "release/**"],
    OnWorkflowDispatch = true,
    InvokedTargets = [nameof(Deploy)],
    Arguments = ["--profile", "ci"],
    RunsOn = "ubuntu-24.04",
    Environment = "production",
    Permissions = ["contents: read", "deployments: write"],
    ImportSecrets = ["DEPLOY_TOKEN", "REGISTRY_PASSWORD"],
    Artifacts = ["artifacts/smoke", "artifacts/test-results"],
    TimeoutMinutes = 30,
    ConcurrencyGroup = "deploy-production",
    CancelInProgress = false)]
[GitHubWorkflow(
    "smoke",
    OnWorkflowDispatch = true,
    InvokedTargets = [nameof(Smoke)],
    Shards = 3,
    MergeTargets = [nameof(Merge)],
    Artifacts = ["artifacts/test-results"],
    CancelInProgress = true)]
internal sealed class WorkflowFixtureBuild : PipelineBuild
{
    public static IReadOnlyCollection<string> TargetNames => [.. BuildDescription.Of<WorkflowFixtureBuild>().Targets.Select(t => t.Name)];

    Target Deploy => _ => _.Description("Deploy");

    Target Smoke => _ => _.Description("Smoke");

    Target Merge => _ => _.Description("Merge shard results");
}
