using Smoke.GitHub;
using Smoke.Stack.Compose;

namespace Smoke.Release;

/// <summary>
/// One deploy of a release to an environment, step by step as the Deploy targets run it (docs/deploy.md):
/// <see cref="BeginAsync"/> checks the release's images, takes the environment's lock and records the intent;
/// <see cref="ReportStartAsync"/> tells GitHub; <see cref="ProjectAsync"/> and <see cref="BringUpAsync"/> move the stack;
/// after the smoke tests, <see cref="JudgeAsync"/> keeps the release or fails it, leaving a <see cref="PendingRollback"/>
/// for <see cref="RollbackFlow"/>; after Ctrl+C, <see cref="RecordInterruptionAsync"/> ends it instead.
/// </summary>
public sealed class DeployFlow
{
    private readonly ReleaseFlowOptions _options;
    private readonly ReleaseStateStore _store;
    private readonly IEnvironmentStack _stack;
    private readonly DeployReporter _reporter;
    private readonly ReleaseLog _log;
    private readonly TimeProvider _time;
    private Started? _started;

    public DeployFlow(ReleaseFlowOptions options, ReleaseStateStore store, IEnvironmentStack stack, DeployReporter reporter, ReleaseLog log, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _store = store;
        _stack = stack;
        _reporter = reporter;
        _log = log;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Set when the verdict failed the release and a release passed here before: what the rollback brings back.</summary>
    public PendingRollback? PendingRollback { get; private set; }

    private string Environment => _options.Environment;

    private Started Begun => _started ?? throw new InvalidOperationException($"the deploy to \"{Environment}\" has not begun: BeginAsync records its intent first");

    /// <summary>Checks the release's images exist, takes the environment's lock and records the intent to deploy.</summary>
    /// <param name="gitSha">The commit the release was built from, when known.</param>
    /// <exception cref="DeployFailedException">An image is missing, or another deploy holds the lock; nothing was changed.</exception>
    public async Task BeginAsync(string release, string? gitSha, CancellationToken cancellationToken)
    {
        var images = _stack.ImagesOf(release);
        await _stack.EnsureImagesExistAsync(images, $"release {release} cannot be deployed to \"{Environment}\"", cancellationToken).ConfigureAwait(false);
        var held = await EnvironmentLocking.TakeAsync(_store, _options, $"Deploy --release {release}", _log, cancellationToken).ConfigureAwait(false);
        var intent = new ReleaseIntent(release, images, gitSha, _options.TriggeredBy);
        var deployment = await ReleaseDeployment.BeginAsync(held, intent, cancellationToken).ConfigureAwait(false);
        _started = new Started(intent, held, deployment);
        foreach (var notice in deployment.Notices)
        {
            _log.Warn(notice);
        }

        _log.Info($"recorded the intent to deploy {release} to \"{Environment}\" ({_options.RelativeToRoot(held.StatePath)}): {ReleaseText.Describe(images)}");
    }

    /// <summary>Creates the GitHub deployment of the release, <c>in_progress</c>, or says why GitHub is skipped.</summary>
    public async Task ReportStartAsync(CancellationToken cancellationToken)
    {
        var started = Begun;
        var release = started.Intent.Release;
        _log.Info(_reporter.GitHubStatusLine);
        started.GitHubDeployment = await _reporter.StartAsync(started.Intent.GitSha ?? release, release, $"{release} to {Environment}", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The environment's compose project running the release.</summary>
    public Task<ComposeProject> ProjectAsync(CancellationToken cancellationToken) => _stack.ProjectAsync(Begun.Intent.Images, cancellationToken);

    /// <summary>Moves the environment's stack to the release; compose recreates only what changed.</summary>
    public Task BringUpAsync(ComposeProject project, CancellationToken cancellationToken) =>
        _stack.MoveToAsync(project, Begun.Intent.Release, cancellationToken);

    /// <summary>
    /// The verdict: a release the policy keeps, and that was smoke-tested, becomes the last known good; any other fails,
    /// and <see cref="PendingRollback"/> says what to bring back.
    /// </summary>
    /// <exception cref="DeployFailedException">The release failed; the message says why and whether it is rolled back.</exception>
    public async Task JudgeAsync(DeployEvidence evidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        _log.Info($"rollback policy: {evidence.Decision.Summary}");
        if (evidence.KeepsRelease)
        {
            await KeepAsync(evidence, cancellationToken).ConfigureAwait(false);
            return;
        }

        await FailAsync(evidence.FailureReason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ends a deploy stopped by Ctrl+C or SIGTERM during <paramref name="during"/>: recorded as interrupted, nothing rolled back.</summary>
    /// <exception cref="DeployFailedException">Always: the message says what runs now and how to go on.</exception>
    public async Task RecordInterruptionAsync(string during, CancellationToken cancellationToken)
    {
        var started = Begun;
        await started.Deployment.InterruptAsync($"interrupted by Ctrl+C or SIGTERM during {during}", cancellationToken).ConfigureAwait(false);
        await _reporter.SetAsync(started.GitHubDeployment, DeploymentState.Error, $"interrupted during {during}", cancellationToken).ConfigureAwait(false);
        var running = await _stack.DescribeRunningAsync(cancellationToken).ConfigureAwait(false);
        var message =
            $"the deploy of {started.Intent.Release} to \"{Environment}\" was interrupted during {during} and is recorded as interrupted in {_options.RelativeToRoot(started.Lock.StatePath)}; " +
            $"nothing was rolled back. What runs now: {running}. Deploy again, or: ./build.sh Rollback --environment {Environment}";
        await FinishAsync(DeployOutcome.Interrupted, message, cancellationToken).ConfigureAwait(false);
        throw new DeployFailedException(message);
    }

    private async Task KeepAsync(DeployEvidence evidence, CancellationToken cancellationToken)
    {
        var started = Begun;
        var release = started.Intent.Release;
        var summary = evidence.Decision.Summary;
        await started.Deployment.SucceedAsync(cancellationToken).ConfigureAwait(false);
        await _reporter.SetAsync(started.GitHubDeployment, DeploymentState.Success, $"{release} passed: {summary}", cancellationToken).ConfigureAwait(false);
        var kept = evidence.SmokeTestsFailed
            ? $"release {release} stays deployed to \"{Environment}\" and is its last known good release: the rollback policy tolerates the failed smoke tests ({summary})"
            : $"release {release} is deployed to \"{Environment}\" and is its last known good release ({summary})";
        await FinishAsync(DeployOutcome.Deployed, kept, cancellationToken).ConfigureAwait(false);
        _log.Success(kept);
    }

    private async Task FailAsync(string reason, CancellationToken cancellationToken)
    {
        var started = Begun;
        var release = started.Intent.Release;
        var verdictAt = _time.GetTimestamp();
        var state = await started.Deployment.FailAsync(reason, cancellationToken).ConfigureAwait(false);
        await _reporter.SetAsync(started.GitHubDeployment, DeploymentState.Failure, reason, cancellationToken).ConfigureAwait(false);
        RollbackTarget target;
        try
        {
            target = RollbackTarget.Resolve(state);
        }
        catch (NoPreviousReleaseException noPrevious)
        {
            var message = $"release {release} failed in \"{Environment}\" ({reason}) and stays there, failed: {noPrevious.Message}";
            await FinishAsync(DeployOutcome.Failed, message, cancellationToken).ConfigureAwait(false);
            throw new DeployFailedException(message, noPrevious);
        }

        PendingRollback = new PendingRollback(started.Lock, target, release, verdictAt, byHand: false);
        throw new DeployFailedException($"release {release} failed in \"{Environment}\": {reason}; Rollback puts back {target.Release}, its last known good release");
    }

    private Task FinishAsync(string outcome, string message, CancellationToken cancellationToken) =>
        _reporter.FinishAsync(Begun.Lock, Begun.Intent.Release, outcome, message, cancellationToken);

    /// <summary>What exists once the intent is recorded.</summary>
    private sealed class Started(ReleaseIntent intent, ReleaseLock held, ReleaseDeployment deployment)
    {
        public ReleaseIntent Intent { get; } = intent;

        public ReleaseLock Lock { get; } = held;

        public ReleaseDeployment Deployment { get; } = deployment;

        public long? GitHubDeployment { get; set; }
    }
}
