using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Smoke.GitHub;
using Smoke.Pipeline;
using Smoke.Release;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;
using Smoke.Stack.Readiness;
using Smoke.Stack.Sessions;
using Smoke.Testing.Policy;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;
using YamlDotNet.RepresentationModel;

namespace Smoke.Build;

/// <summary>
/// Deploying a release to a long-lived environment, deciding with the rollback policy whether it stays, and
/// putting the last known good release back when it does not (docs/deploy.md).
/// </summary>
internal sealed partial class Build
{
    [Parameter("Deployment environment (staging, eu-prod-1): its own long-lived stack, compose project smoke-<name>, and its release state in .smoke/releases/<name>.json", Name = "Environment")]
    public string? DeployEnvironment { get; set; }

    [Parameter("Image repository of the application services; a release runs <repository>:<release>. Default: the sample recipe's, smoke/sample")]
    public string? ReleaseRepository { get; set; }

    [Parameter("Commit the release was built from, for the release state and the GitHub deployment. Default: GITHUB_SHA, else git HEAD")]
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

    static readonly JsonSerializerOptions DeployJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    ReleaseStateStore ReleaseStates => new(RootDirectory);

    ReleaseLock? environmentLock;

    ReleaseDeployment? deployment;

    RollbackTarget? rollbackTarget;

    IReadOnlyDictionary<string, string> releaseImages = new Dictionary<string, string>();

    CancellationToken deployInterrupted;

    GitHubIntegration? gitHub;

    GitHubDeploymentReporter? gitHubReporter;

    long? gitHubDeployment;

    Uri? gitHubLogUrl;

    int? pullRequest;

    /// <summary>When the verdict failed the release: a rollback's time is measured from here (bench/rollback.sh reads it).</summary>
    long failingVerdictAt;

    Target BeginDeploy => _ => _
        .Description("Check the release's images exist, take the environment's lock, record the intent and tell GitHub")
        .Unlisted()
        .DependsOn(Images)
        .After(ValidateConfig)
        .Before(ComposeUp)
        .Executes(async ct =>
        {
            deployInterrupted = ct;
            var environment = DeployEnvironment!;
            releaseImages = ReleaseImagesOf(Release!);
            await EnsureImagesExistAsync(releaseImages, $"release {Release} cannot be deployed to \"{environment}\"", ct);
            await TakeEnvironmentLockAsync(environment, $"Deploy --release {Release}", ct);

            var sha = await CommitOfCheckoutAsync(ct);
            deployment = await ReleaseDeployment.BeginAsync(environmentLock!, new ReleaseIntent(Release!, releaseImages, sha, TriggeredBy()), ct);
            deployment.Notices.ToList().ForEach(notice => Log.Warn(notice));
            Log.Info($"recorded the intent to deploy {Release} to \"{environment}\" ({RelativeToRoot(environmentLock!.StatePath)}): {DescribeImages(releaseImages)}");

            await StartGitHubAsync(ct);
            gitHubDeployment = await gitHubReporter!.StartAsync(environment, sha ?? Release!, Release!, $"{Release} to {environment}", gitHubLogUrl, ct);
        });

    Target Deploy => _ => _
        .Description("Deploy --release to --environment: bring it up, wait, smoke-test it, then keep it or roll back to the last known good release (exit 3; 4 when that fails too)")
        .Requires(() => Release)
        .Requires(() => DeployEnvironment)
        .Requires(() => IsValidEnvironmentName(DeployEnvironment), EnvironmentNameRule)
        .Requires(() => FailedPercentThreshold >= 0 && FailedPercentThreshold <= 100, "FailedPercentThreshold is a percentage: 0 (any failure rolls back) to 100 (the rule is off)")
        .DependsOn(ValidateConfig, BeginDeploy, SmokeTests, Report)
        .Triggers(Rollback)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => deployment != null)
        .Executes(async ct =>
        {
            var environment = DeployEnvironment!;
            if (deployInterrupted.IsCancellationRequested)
            {
                await RecordInterruptionAsync(deployment!, ct);
                return;
            }

            var decision = RollbackDecisionFor(smokeRun, readiness?.Services ?? []);
            Log.Info($"rollback policy: {decision.Summary}");
            var untested = smokeRun is null ? Outcomes.FirstOrDefault(o => o.Status == TargetStatus.Failed) : null;
            if (!decision.RollBack && untested is null)
            {
                await deployment!.SucceedAsync(ct);
                await gitHubReporter!.SetAsync(gitHubDeployment, DeploymentState.Success, Shorten($"{Release} passed: {decision.Summary}"), gitHubLogUrl, ct);
                var kept = smokeRun is { Succeeded: false }
                    ? $"release {Release} stays deployed to \"{environment}\" and is its last known good release: the rollback policy tolerates the failed smoke tests ({decision.Summary})"
                    : $"release {Release} is deployed to \"{environment}\" and is its last known good release ({decision.Summary})";
                await FinishDeployAsync("deployed", kept, ct);
                Log.Success(kept);
                return;
            }

            var reason = decision.RollBack
                ? decision.Summary
                : $"the release was never smoke-tested: {untested!.Name} failed ({untested.Note})";
            failingVerdictAt = System.Diagnostics.Stopwatch.GetTimestamp();
            var state = await deployment!.FailAsync(reason, ct);
            await gitHubReporter!.SetAsync(gitHubDeployment, DeploymentState.Failure, Shorten(reason), gitHubLogUrl, ct);
            try
            {
                rollbackTarget = RollbackTarget.Resolve(state);
            }
            catch (NoPreviousReleaseException noPrevious)
            {
                var message = $"release {Release} failed in \"{environment}\" ({reason}) and stays there, failed: {noPrevious.Message}";
                await FinishDeployAsync("failed", message, ct);
                throw new InvalidOperationException(message, noPrevious);
            }

            throw new InvalidOperationException(
                $"release {Release} failed in \"{environment}\": {reason}; rolling back to {rollbackTarget.Release}, its last known good release");
        });

    Target Rollback => _ => _
        .Description("Put the last known good release (or --release) back on --environment, wait until ready, rerun the critical tests")
        .Requires(() => DeployEnvironment)
        .Requires(() => IsValidEnvironmentName(DeployEnvironment), EnvironmentNameRule)
        .DependsOn(Images)
        .After(Deploy)
        .AssuredAfterFailure()
        .OnlyWhenDynamic(() => rollbackTarget != null || IsRollbackByHand)
        .Executes(async ct =>
        {
            var environment = DeployEnvironment!;
            var byHand = IsRollbackByHand;
            if (byHand)
            {
                await TakeEnvironmentLockAsync(environment, Release is null ? "Rollback" : $"Rollback --release {Release}", ct);
                await StartGitHubAsync(ct);
                try
                {
                    rollbackTarget = RollbackTarget.Resolve(await environmentLock!.ReadStateAsync(ct), Release);
                }
                catch (ReleaseStateException unresolved)
                {
                    await ReleaseEnvironmentLockAsync();
                    throw new InvalidOperationException(unresolved.Message, unresolved);
                }
            }

            await RollBackAsync(environment, rollbackTarget!, byHand, ct);
        });

    /// <summary>Rollback was asked for on the command line, not planned because a deploy failed.</summary>
    bool IsRollbackByHand => deployment is null && Outcomes.All(outcome => outcome.Name != nameof(Deploy));

    const string EnvironmentNameRule = "Environment is 1 to 63 lower-case letters, digits and '-', starting and ending with a letter or digit (staging, eu-prod-1)";

    static bool IsValidEnvironmentName(string? environment)
    {
        try
        {
            EnvironmentName.Validate(environment);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    async Task RollBackAsync(string environment, RollbackTarget target, bool byHand, CancellationToken cancellationToken)
    {
        var started = byHand ? System.Diagnostics.Stopwatch.GetTimestamp() : failingVerdictAt;
        var from = (await environmentLock!.ReadStateAsync(cancellationToken)).Current?.Release;
        var rollback = await ReleaseDeployment.BeginRollbackAsync(environmentLock, target, TriggeredBy(), cancellationToken);
        rollback.Notices.ToList().ForEach(notice => Log.Warn(notice));
        Log.Info($"rolling \"{environment}\" back from {from ?? "nothing"} to {target.Release}: {DescribeImages(target.Images)}");
        var rollbackDeployment = await gitHubReporter!.StartAsync(
            environment, target.GitSha ?? target.Release, target.Release, $"rollback to {target.Release}", gitHubLogUrl, cancellationToken);
        try
        {
            await EnsureImagesExistAsync(target.Images, $"release {target.Release} cannot be brought back", cancellationToken);
            stack = await EnvironmentProjectAsync(environment, target.Images, cancellationToken);
            var compose = await ComposeAsync(cancellationToken);
            await compose.UpAsync(stack, cancellationToken: cancellationToken);

            var ready = await WaitReadyAsync(stack, cancellationToken);
            ready.EnsureReady();
            Log.Info(FormattableString.Invariant(
                $"{target.Release} is ready again in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.0}s from the {(byHand ? "start of the rollback" : "failing verdict")}"));
            var critical = await RunCriticalTestsAsync(ready, cancellationToken);
            var failedCritical = critical.Tests.Where(test => test.IsCritical && test.Outcome == TestOutcome.Failed).Select(test => test.FullyQualifiedName).ToList();
            var unfinished = critical.Projects.Where(project => project.Status is not (SmokeProjectStatus.Passed or SmokeProjectStatus.Failed)).Select(project => $"{project.Name} {project.Status.ToString().ToLowerInvariant()}").ToList();
            if (failedCritical.Count > 0 || unfinished.Count > 0)
            {
                throw new InvalidOperationException(
                    $"the critical smoke tests of {target.Release} failed after the rollback: {string.Join(", ", failedCritical.Concat(unfinished))}");
            }

            await rollback.SucceedAsync(cancellationToken);
            await gitHubReporter.SetAsync(rollbackDeployment, DeploymentState.Success, $"rolled back to {target.Release}", gitHubLogUrl, cancellationToken);
            var message = $"\"{environment}\" runs {target.Release} again, its critical tests pass ({critical.Passed} passed); rolled back from {from ?? "nothing"}";
            await FinishDeployAsync("rolled-back", message, cancellationToken);
            Log.Success(message);
            if (!byHand)
            {
                ExitCode = 3;
            }
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = FirstLine(failure.Message);
            await rollback.FailAsync(reason, CancellationToken.None);
            await gitHubReporter.SetAsync(rollbackDeployment, DeploymentState.Error, Shorten($"rollback to {target.Release} failed: {reason}"), gitHubLogUrl, CancellationToken.None);
            var running = await WriteEnvironmentDiagnosticsAsync(environment, CancellationToken.None);
            var message =
                $"environment \"{environment}\" is DEGRADED: rolling back from {from ?? "nothing"} to {target.Release} failed: {reason}. " +
                $"What runs now: {running}. Diagnostics are in {RelativeToRoot(DiagnosticsDirectory)}/. " +
                $"Bring a release that passed back by hand: ./build.sh Rollback --environment {environment} --release <release>";
            await FinishDeployAsync("rollback-failed", message, CancellationToken.None);
            ExitCode = 4;
            throw new InvalidOperationException(message, failure);
        }
        catch (OperationCanceledException)
        {
            await rollback.InterruptAsync("the rollback was aborted by a second Ctrl+C or SIGTERM", CancellationToken.None);
            await gitHubReporter.SetAsync(rollbackDeployment, DeploymentState.Error, "rollback aborted", gitHubLogUrl, CancellationToken.None);
            throw;
        }
        finally
        {
            await ReleaseEnvironmentLockAsync();
        }
    }

    async Task RecordInterruptionAsync(ReleaseDeployment interrupted, CancellationToken cancellationToken)
    {
        var environment = DeployEnvironment!;
        // A background target (CompileSmokeTests) is cancelled too, but the step the deploy was in is the foreground one.
        var during = Outcomes.FirstOrDefault(outcome => outcome.Status == TargetStatus.Cancelled && !outcome.InBackground)?.Name ?? "the deploy";
        await interrupted.InterruptAsync($"interrupted by Ctrl+C or SIGTERM during {during}", cancellationToken);
        await gitHubReporter!.SetAsync(gitHubDeployment, DeploymentState.Error, $"interrupted during {during}", gitHubLogUrl, cancellationToken);
        var running = await DescribeRunningAsync(environment, cancellationToken);
        var message =
            $"the deploy of {Release} to \"{environment}\" was interrupted during {during} and is recorded as interrupted in {RelativeToRoot(environmentLock!.StatePath)}; " +
            $"nothing was rolled back. What runs now: {running}. Deploy again, or: ./build.sh Rollback --environment {environment}";
        await FinishDeployAsync("interrupted", message, cancellationToken);
        throw new InvalidOperationException(message);
    }

    /// <summary>ComposeUp with --environment: the environment's stack moves to the release; compose recreates only what changed.</summary>
    async Task BringUpReleaseAsync(CancellationToken cancellationToken)
    {
        var environment = DeployEnvironment!;
        if (environmentLock is null)
        {
            throw new InvalidOperationException(
                $"the stack of environment \"{environment}\" changes only under its lock: run ./build.sh Deploy --release <release> --environment {environment}, or Rollback");
        }

        stack = await EnvironmentProjectAsync(environment, releaseImages, cancellationToken);
        var compose = await ComposeAsync(cancellationToken);
        Log.Info($"moving {stack.Name} to {Release} with {compose.CommandName} {compose.Version}; services whose image is unchanged keep running");
        await compose.UpAsync(stack, cancellationToken: cancellationToken);
    }

    async Task<ComposeProject> EnvironmentProjectAsync(string environment, IReadOnlyDictionary<string, string> images, CancellationToken cancellationToken)
    {
        var name = ComposeProjectName.Normalize($"smoke-{environment}");
        var recipe = AppRecipe;
        var release = ReleaseImage.Parse(images.Values.First());
        var variables = new Dictionary<string, string>(imageVariables, StringComparer.Ordinal);
        foreach (var (variable, template) in recipe.Variables)
        {
            variables[variable] = template switch
            {
                "{repository}" => release.Repository,
                "{release}" => release.Tag,
                _ => await CompanionImageAsync(name, variable, release, cancellationToken),
            };
        }

        return new ComposeProject([ComposeFilePath], StackSession.ForEnvironment(environment), name)
        {
            EnvFile = File.Exists(EnvFilePath) ? EnvFilePath : null,
            Variables = variables,
            WorkingDirectory = RootDirectory,
            StateDirectory = Path.Combine(TemporaryDirectory, "stacks", name),
        };
    }

    /// <summary>
    /// An image made from the app that is not the release (the generator stub) is infrastructure: it keeps what the
    /// environment runs, so a deploy does not restart it. The first deploy starts it from the release's image.
    /// </summary>
    async Task<string> CompanionImageAsync(string project, string variable, ReleaseImage release, CancellationToken cancellationToken)
    {
        if (System.Environment.GetEnvironmentVariable(variable) is { Length: > 0 } given)
        {
            return given;
        }

        foreach (var service in ServicesWhoseImageUses(variable))
        {
            var running = await Engine.ListContainersAsync([$"com.docker.compose.project={project}", $"com.docker.compose.service={service}"], all: true, cancellationToken);
            if (running.FirstOrDefault() is { } container
                && !container.Image.StartsWith("sha256:", StringComparison.Ordinal)
                && await Engine.TryInspectImageAsync(container.Image, cancellationToken) is not null)
            {
                return container.Image;
            }
        }

        return release.ToString();
    }

    static ImageRecipe AppRecipe => ImageRecipes.Bundled.First(recipe => recipe.PublishedAppPath is not null);

    /// <summary>The application services (their image uses the release tag's variable) and the image each runs in <paramref name="release"/>.</summary>
    IReadOnlyDictionary<string, string> ReleaseImagesOf(string release)
    {
        var recipe = AppRecipe;
        var tagVariable = recipe.Variables.First(pair => pair.Value == "{release}").Key;
        var repository = ReleaseRepository ?? recipe.Repository;
        var services = ServicesWhoseImageUses(tagVariable);
        if (services.Count == 0)
        {
            throw new InvalidOperationException(
                $"no service of {RelativeToRoot(ComposeFilePath)} takes its image tag from ${{{tagVariable}}}, so there is nothing a release could change; " +
                $"write application services' images as ${{SAMPLE_IMAGE}}:${{{tagVariable}}}");
        }

        return services.ToDictionary(service => service, _ => $"{repository}:{release}", StringComparer.Ordinal);
    }

    List<string> ServicesWhoseImageUses(string variable)
    {
        using var reader = new StreamReader(ComposeFilePath);
        var yaml = new YamlStream();
        yaml.Load(reader);
        if (yaml.Documents.FirstOrDefault()?.RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("services"), out var servicesNode)
            || servicesNode is not YamlMappingNode services)
        {
            return [];
        }

        return services.Children
            .Where(service => service.Value is YamlMappingNode definition
                && definition.Children.TryGetValue(new YamlScalarNode("image"), out var image)
                && image is YamlScalarNode { Value: { } reference }
                && (reference.Contains("${" + variable, StringComparison.Ordinal) || reference.Contains("$" + variable, StringComparison.Ordinal)))
            .Select(service => ((YamlScalarNode)service.Key).Value!)
            .ToList();
    }

    async Task EnsureImagesExistAsync(IReadOnlyDictionary<string, string> images, string what, CancellationToken cancellationToken)
    {
        foreach (var image in images.Values.Distinct(StringComparer.Ordinal))
        {
            if (await Engine.TryInspectImageAsync(image, cancellationToken) is not null)
            {
                continue;
            }

            if (ImageSource == ImageSource.Pull)
            {
                await Engine.PullImageAsync(image, Log.Debug, cancellationToken);
                continue;
            }

            throw new InvalidOperationException(
                $"{what}: its image {image} is not on the Docker engine. A release is an image that was built and published before it is deployed; " +
                $"Deploy never builds one from source. Build or pull {image} (or pass --image-source pull to pull it from its registry), then run again. " +
                $"Nothing was changed in \"{DeployEnvironment}\".");
        }
    }

    async Task TakeEnvironmentLockAsync(string environment, string command, CancellationToken cancellationToken)
    {
        try
        {
            environmentLock = await ReleaseStates.AcquireLockAsync(environment, command, cancellationToken);
        }
        catch (ReleaseLockedException locked)
        {
            throw new InvalidOperationException(locked.Message, locked);
        }

        environmentLock.Notices.ToList().ForEach(notice => Log.Warn(notice));
        Log.Info($"holding the lock of environment \"{environment}\" ({RelativeToRoot(ReleaseStates.LockPath(environment))})");
    }

    async Task ReleaseEnvironmentLockAsync()
    {
        if (environmentLock is { } held)
        {
            environmentLock = null;
            await held.DisposeAsync();
        }
    }

    async Task StartGitHubAsync(CancellationToken cancellationToken)
    {
        gitHub = GitHubIntegration.FromVariables(name => name == "GITHUB_TOKEN" ? GitHubToken ?? System.Environment.GetEnvironmentVariable(name) : System.Environment.GetEnvironmentVariable(name));
        gitHubReporter = new GitHubDeploymentReporter(gitHub, Log.Info, message => Log.Warn(message));
        Log.Info(gitHub.StatusLine);
        var actions = await GitHubActionsRuntime.DetectAsync(cancellationToken);
        gitHubLogUrl = Uri.TryCreate(ReportUrl, UriKind.Absolute, out var report) ? report : actions.Context.RunUrl;
        pullRequest = actions.Context.PullRequestNumber;
    }

    /// <summary>The rollback's check: the Critical tests against the restored release.</summary>
    async Task<SmokeRunResult> RunCriticalTestsAsync(ReadinessReport ready, CancellationToken cancellationToken)
    {
        // The smoke tests' build serves when it covers every project; otherwise (--only, a shard) the runner builds.
        var built = smokeBuild is { } build && SmokeProjectFiles().All(build.ProjectPaths.Contains) ? build : null;
        var runner = new SmokeTestRunner(SmokeOptions(ready, Path.Combine(ArtifactsDirectory, "test-results", "rollback")) with { Mode = SmokeRunMode.Critical, Build = built });
        var run = await runner.RunAsync(SmokeProjectFiles(), cancellationToken);
        Log.Info($"critical tests after the rollback: {ConsoleReport.TotalsLine(run.Tests)}");
        return run;
    }

    /// <summary>What runs in the environment's stack, one entry per container, for messages.</summary>
    async Task<string> DescribeRunningAsync(string environment, CancellationToken cancellationToken)
    {
        var containers = await EnvironmentContainersAsync(environment, cancellationToken);
        return containers.Count == 0
            ? "nothing (no container of its stack exists)"
            : string.Join(", ", containers
                .OrderBy(container => container.Labels.GetValueOrDefault("com.docker.compose.service"), StringComparer.Ordinal)
                .Select(container => $"{container.Labels.GetValueOrDefault("com.docker.compose.service", container.Name)} {container.Image} ({container.Status})"));
    }

    async Task<IReadOnlyList<ContainerSummary>> EnvironmentContainersAsync(string environment, CancellationToken cancellationToken)
    {
        try
        {
            return await Engine.ListContainersAsync([$"com.docker.compose.project={ComposeProjectName.Normalize($"smoke-{environment}")}"], all: true, cancellationToken);
        }
        catch (DockerEngineUnreachableException)
        {
            return [];
        }
    }

    /// <summary>Leaves the state of every container of the environment, and the logs of those not running, for whoever repairs it.</summary>
    async Task<string> WriteEnvironmentDiagnosticsAsync(string environment, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DiagnosticsDirectory);
        var containers = await EnvironmentContainersAsync(environment, cancellationToken);
        var rows = containers.Select(container => new
        {
            Service = container.Labels.GetValueOrDefault("com.docker.compose.service"),
            container.Name,
            container.Image,
            container.State,
            container.Status,
        });
        await File.WriteAllTextAsync(Path.Combine(DiagnosticsDirectory, $"environment-{environment}.json"), JsonSerializer.Serialize(rows, DeployJson), cancellationToken);
        var secrets = SecretValues(ReadEnvFile(EnvFilePath)).ToList();
        foreach (var container in containers.Where(container => container.State != "running"))
        {
            var lines = await Engine.GetContainerLogsAsync(container.Id, new ContainerLogOptions { Tail = 200, Timestamps = true }, cancellationToken);
            var text = string.Join('\n', lines.Select(line => secrets.Aggregate(line.ToString(), (masked, secret) => masked.Replace(secret, "***", StringComparison.Ordinal))));
            await File.WriteAllTextAsync(Path.Combine(DiagnosticsDirectory, $"{container.Name}.log"), text + "\n", cancellationToken);
        }

        return await DescribeRunningAsync(environment, cancellationToken);
    }

    /// <summary>
    /// The deploy's end: artifacts/smoke/deploy.json, a "Deploy" section in summary.md and the step summary, the pull
    /// request comment when asked for, and the environment's lock released.
    /// </summary>
    async Task FinishDeployAsync(string outcome, string message, CancellationToken cancellationToken)
    {
        var environment = DeployEnvironment!;
        var state = await ReleaseStates.ReadAsync(environment, cancellationToken);
        Directory.CreateDirectory(SmokeArtifactsDirectory);
        var record = new DeployOutcome(environment, Release, outcome, message, RelativeToRoot(ReleaseStates.StatePath(environment)), state.Current, state.LastKnownGood);
        await File.WriteAllTextAsync(Path.Combine(SmokeArtifactsDirectory, "deploy.json"), JsonSerializer.Serialize(record, DeployJson) + "\n", cancellationToken);

        var section = DeploySection(record);
        var summaryFile = Path.Combine(SmokeArtifactsDirectory, "summary.md");
        await File.AppendAllTextAsync(summaryFile, section, cancellationToken);
        var actions = await GitHubActionsRuntime.DetectAsync(cancellationToken);
        await actions.AppendSummaryAsync(section, cancellationToken);
        if (PullRequestComment && pullRequest is { } number && gitHubReporter is not null)
        {
            await gitHubReporter.CommentAsync(number, environment, await File.ReadAllTextAsync(summaryFile, cancellationToken), cancellationToken);
        }

        await ReleaseEnvironmentLockAsync();
    }

    static string DeploySection(DeployOutcome outcome)
    {
        var text = new StringBuilder();
        text.Append("\n## Deploy to ").Append(outcome.Environment).Append("\n\n**").Append(outcome.Outcome).Append(":** ").Append(outcome.Message).Append("\n\n");
        text.Append("| | release | action | verdict | reason |\n| --- | --- | --- | --- | --- |\n");
        foreach (var (label, record) in new[] { ("current", outcome.Current), ("last known good", outcome.LastKnownGood) })
        {
            text.Append("| ").Append(label).Append(" | ")
                .Append(record is null ? "none | | | |\n" : $"{record.Release} | {record.Action} | {record.Verdict} | {record.Reason} |\n");
        }

        return text.Append('\n').Append("State: `").Append(outcome.StateFile).Append("`\n").ToString();
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

    static string TriggeredBy() =>
        System.Environment.GetEnvironmentVariable("GITHUB_ACTOR") is { Length: > 0 } actor ? actor : System.Environment.UserName;

    static string DescribeImages(IReadOnlyDictionary<string, string> images) =>
        string.Join(", ", images.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key} {pair.Value}"));

    string RelativeToRoot(string path) => Path.GetRelativePath(RootDirectory, path);

    static string Shorten(string text) => FirstLine(text);

    static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0];

    /// <summary>artifacts/smoke/deploy.json: how the deploy ended and the environment's state after it.</summary>
    sealed record DeployOutcome(string Environment, string? Release, string Outcome, string Message, string StateFile, ReleaseRecord? Current, ReleaseRecord? LastKnownGood);
}
