using Smoke.Pipeline;
using Smoke.Release;
using Smoke.Stack.Readiness;
using Smoke.Testing.Policy;
using Smoke.Testing.Running;

namespace Smoke.Build;

/// <summary>
/// Deploying a release to a long-lived environment, deciding with the rollback policy whether it stays, and
/// putting the last known good release back when it does not (docs/deploy.md). The flow is Smoke.Release's
/// DeployFlow and RollbackFlow; the targets here hand them the parameters and the stack.
/// </summary>
internal sealed partial class Build
{
    [Parameter("Deployment environment (staging, eu-prod-1): its own long-lived stack, compose project smoke-<name>, and its release state in .smoke/releases/<name>.json", Name = "Environment")]
    public string? DeployEnvironment { get; set; }

    [Parameter("Image repository of the application services; a release runs <repository>:<release>. Default: the sample recipe's, smoke/sample")]
    public string? ReleaseRepository { get; set; }

    [Parameter("Commit the run is for: in the smoke report, the release state and the GitHub deployment. Default: GITHUB_SHA, else git HEAD")]
    public string? CommitSha { get; set; }

    // GITHUB_TOKEN means this and only this wherever it is set (a workflow's env: GITHUB_TOKEN), so it is the one
    // parameter that reads its bare name; GitHubIntegration still falls back to GITHUB_TOKEN and GH_TOKEN itself.
    [Parameter("GitHub token for deployments, their statuses and the pull request comment; without one, the GitHub steps are skipped", Name = "GithubToken", UnprefixedVariable = "GITHUB_TOKEN")]
    [Secret]
    public string? GitHubToken { get; set; }

    [Parameter("Where the published smoke report can be read: the log_url of GitHub deployment statuses. Default: the Actions run page")]
    public string? ReportUrl { get; set; }

    [Parameter("Put the deploy's summary on the pull request as a comment, updated on re-runs rather than duplicated")]
    public bool PullRequestComment { get; set; }

    [Parameter("Rollback policy: roll back when any test with Critical=true fails")]
    public bool RollBackOnCriticalFailure { get; set; } = true;

    [Parameter("Rollback policy: roll back when more than this percentage of the tests that ran failed; 0: any failure, 100: the rule is off")]
    public int FailedPercentThreshold { get; set; } = 20;

    [Parameter("Rollback policy: categories in which a single failed test rolls back")]
    public string[] RollbackCategories { get; set; } = ["database"];

    [Parameter("Rollback policy: categories that roll back when every one of their tests failed")]
    public string[] EssentialCategories { get; set; } = [];

    [Parameter("Rollback policy: roll back when a critical service never became ready")]
    public bool RollBackOnServiceNotReady { get; set; } = true;

    [Parameter("Rollback policy: roll back when a smoke suite ran past its time budget")]
    public bool RollBackOnBudgetOverrun { get; set; }

    RollbackPolicyOptions PolicyOptions => new()
    {
        RollBackOnCriticalFailure = RollBackOnCriticalFailure,
        FailedPercentThreshold = FailedPercentThreshold,
        RollbackCategories = RollbackCategories,
        EssentialCategories = EssentialCategories,
        RollBackOnServiceNotReady = RollBackOnServiceNotReady,
        RollBackOnBudgetOverrun = RollBackOnBudgetOverrun,
    };

    DeployFlow? deployment;

    DeployReporter? deployReporter;

    CancellationToken deployInterrupted;

    Target BeginDeploy => _ => _
        .Description("Check the release's images exist, take the environment's lock, record the intent and tell GitHub")
        .Unlisted()
        .DependsOn(Images)
        .After(ValidateConfig)
        .Before(ComposeUp)
        .Executes(async ct =>
        {
            deployInterrupted = ct;
            var flow = new DeployFlow(ReleaseOptions, ReleaseStates, EnvironmentStack, DeployReporter, ReleaseLog);
            var release = Release ?? throw BuildFailedException.InvalidUsage("BeginDeploy needs --release: run ./build.sh Deploy --release <release>");
            await ReleaseStepAsync(async () => await flow.BeginAsync(release, await CommitOfCheckoutAsync(ct), ct));
            deployment = flow;
            await flow.ReportStartAsync(ct);
        });

    Target Deploy => _ => _
        .Description("Deploy --release to --environment: bring it up, wait, smoke-test it, then keep it or roll back to the last known good release (exit 3; 4 when that fails too)")
        .Requires(() => Release)
        .Requires(() => DeployEnvironment)
        .Requires(() => EnvironmentName.IsValid(DeployEnvironment), EnvironmentNameRule)
        .Requires(() => FailedPercentThreshold >= 0 && FailedPercentThreshold <= 100, "FailedPercentThreshold is a percentage: 0 (any failure rolls back) to 100 (the rule is off)")
        .DependsOn(ValidateConfig, BeginDeploy, SmokeTests, Report)
        .Triggers(Rollback)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => deployment != null)
        .Executes(async ct =>
        {
            var flow = deployment ?? throw new InvalidOperationException("Deploy runs only after BeginDeploy recorded the intent");
            await ReleaseStepAsync(() => deployInterrupted.IsCancellationRequested
                ? flow.RecordInterruptionAsync(InterruptedStep(), ct)
                : flow.JudgeAsync(DeployEvidence(), ct));
        });

    Target Rollback => _ => _
        .Description("Put the last known good release (or --release) back on --environment, wait until ready, rerun the critical tests")
        .Requires(() => DeployEnvironment)
        .Requires(() => EnvironmentName.IsValid(DeployEnvironment), EnvironmentNameRule)
        .DependsOn(Images)
        .RecoversFrom(Deploy, ReleaseRestoredExitCode)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => RollbackPending || IsRollbackByHand)
        .Executes(async ct =>
        {
            var rollback = new RollbackFlow(ReleaseOptions, ReleaseStates, EnvironmentStack, DeployReporter, RunCriticalTestsAsync, ReleaseLog);
            if (deployment?.PendingRollback is { } pending)
            {
                await ReleaseStepAsync(() => rollback.RunAsync(pending, ct));
                return;
            }

            await ReleaseStepAsync(() => rollback.RunByHandAsync(Release, ct));
        });

    /// <summary>A deploy failed and the rollback put the last known good release back (Rollback recovers from Deploy's failure).</summary>
    const int ReleaseRestoredExitCode = 3;

    /// <summary>The rollback failed too: the environment is degraded.</summary>
    const int EnvironmentDegradedExitCode = 4;

    const string EnvironmentNameRule = "Environment is 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit (staging, eu-prod-1)";

    /// <summary>A deploy's verdict failed the release, and a release that passed before is to be brought back.</summary>
    bool RollbackPending => deployment?.PendingRollback is not null;

    /// <summary>Rollback was asked for on the command line, not planned because a deploy failed.</summary>
    bool IsRollbackByHand => deployment is null && Outcomes.All(outcome => outcome.Name != nameof(Deploy));

    ReleaseStateStore ReleaseStates => new(RootDirectory);

    ReleaseFlowOptions ReleaseOptions => new()
    {
        Environment = DeployEnvironment ?? throw new InvalidOperationException("deploys and rollbacks need --environment"),
        RootDirectory = RootDirectory,
        ArtifactsDirectory = SmokeArtifactsDirectory,
        DiagnosticsDirectory = DiagnosticsDirectory,
        ReportUrl = Uri.TryCreate(ReportUrl, UriKind.Absolute, out var report) ? report : null,
        PullRequestComment = PullRequestComment,
        Secrets = StackSecrets(),
    };

    ComposeEnvironmentStack EnvironmentStack => new(
        new EnvironmentStackOptions
        {
            Environment = ReleaseOptions.Environment,
            ComposeFile = ComposeFilePath,
            Compose = ComposeModel,
            WorkingDirectory = RootDirectory,
            StacksDirectory = Path.Combine(TemporaryDirectory, "stacks"),
            EnvFile = File.Exists(EnvFilePath) ? EnvFilePath : null,
            ImageVariables = imageVariables,
            Repository = ReleaseRepository,
            ImageSource = ImageSource,
        },
        Engine,
        ComposeAsync,
        WaitReadyAsync,
        ReleaseLog);

    /// <summary>One for the whole run, so a rollback reports to the same GitHub as the deploy before it.</summary>
    DeployReporter DeployReporter => deployReporter ??= new(
        ReleaseOptions,
        name => name == "GITHUB_TOKEN" ? GitHubToken ?? System.Environment.GetEnvironmentVariable(name) : System.Environment.GetEnvironmentVariable(name),
        ReleaseLog);

    static ReleaseLog ReleaseLog => new(Log.Info, message => Log.Warn(message), Log.Success) { Debug = Log.Debug, Summary = Log.SummaryAsync };

    /// <summary>
    /// Runs a step of the release flow as part of a target: a release's failure fails the target with its message,
    /// and a rollback that failed carries exit code 4 (the environment is degraded).
    /// </summary>
    static async Task ReleaseStepAsync(Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (DeployFailedException failed)
        {
            throw new BuildFailedException(failed.Message, failed.EnvironmentDegraded ? EnvironmentDegradedExitCode : ExitCodes.TargetFailed, failed);
        }
        catch (ReleaseStateException state)
        {
            throw new BuildFailedException(state.Message, state);
        }
    }

    /// <summary>ComposeUp with --environment: the environment's stack moves to the release; compose recreates only what changed.</summary>
    async Task BringUpReleaseAsync(CancellationToken cancellationToken)
    {
        var flow = deployment ?? throw BuildFailedException.InvalidUsage(
            $"the stack of environment \"{DeployEnvironment}\" changes only under its lock: run ./build.sh Deploy --release <release> --environment {DeployEnvironment}, or Rollback");
        stack = await flow.ProjectAsync(cancellationToken);
        await flow.BringUpAsync(stack, cancellationToken);
    }

    /// <summary>What the verdict is judged on: the policy's decision, and the target that failed before any smoke test ran.</summary>
    DeployEvidence DeployEvidence() => new(RollbackDecisionFor(smokeRun, readiness?.Services ?? []))
    {
        SmokeTestsFailed = smokeRun is { Succeeded: false },
        UntestedBecause = smokeRun is null && Outcomes.FirstOrDefault(o => o.Status == TargetStatus.Failed) is { } failed ? $"{failed.Name} failed ({failed.Note})" : null,
    };

    /// <summary>The step a Ctrl+C stopped; a background target (CompileSmokeTests) is cancelled too, but the deploy was in the foreground one.</summary>
    string InterruptedStep() =>
        Outcomes.FirstOrDefault(outcome => outcome.Status == TargetStatus.Cancelled && !outcome.InBackground)?.Name ?? "the deploy";

    /// <summary>The rollback's check: the Critical tests against the restored release.</summary>
    async Task<SmokeRunResult> RunCriticalTestsAsync(ReadinessReport ready, CancellationToken cancellationToken)
    {
        // The smoke tests' build serves when it covers every project; otherwise (--only, a shard) the runner builds.
        var built = smokeBuild is { } build && SmokeProjectFiles().All(build.ProjectPaths.Contains) ? build : null;
        var runner = new SmokeTestRunner(SmokeOptions(ready, Path.Combine(ArtifactsDirectory, "test-results", "rollback")) with { Mode = SmokeRunMode.Critical, Build = built });
        return await runner.RunAsync(SmokeProjectFiles(), cancellationToken);
    }

    async Task<string?> CommitOfCheckoutAsync(CancellationToken cancellationToken)
    {
        if (CommitSha is { Length: > 0 } given)
        {
            return given;
        }

        if (System.Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } actions)
        {
            return actions;
        }

        var head = await Tool.RunAsync("git", ["rev-parse", "HEAD"], RootDirectory, quiet: true, allowFailure: true, cancellationToken: cancellationToken);
        return head.ExitCode == 0 ? head.Output.FirstOrDefault()?.Trim() : null;
    }
}
