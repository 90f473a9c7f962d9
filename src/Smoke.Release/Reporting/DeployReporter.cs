using Smoke.GitHub;

namespace Smoke.Release;

/// <summary>
/// Tells people how a deploy or rollback goes: GitHub deployments and their statuses while it runs (through
/// <see cref="GitHubDeploymentReporter"/>), and at its end <c>deploy.json</c>, a "Deploy to" section in <c>summary.md</c>
/// and the job summary, and the pull request comment when asked for.
/// </summary>
public sealed class DeployReporter
{
    private readonly ReleaseFlowOptions _options;
    private readonly GitHubIntegration _gitHub;
    private readonly Func<string, string?> _variables;
    private readonly GitHubDeploymentReporter _deployments;
    private readonly ReleaseLog _log;
    private GitHubActionsRuntime? _actions;

    /// <param name="variables">
    /// The environment's variables: <c>GITHUB_TOKEN</c>, <c>GITHUB_REPOSITORY</c> and <c>GITHUB_API_URL</c> say where
    /// deployments go; the Actions variables give the run page and the pull request. The job summary section goes to <see cref="ReleaseLog.Summary"/>.
    /// </param>
    public DeployReporter(ReleaseFlowOptions options, Func<string, string?> variables, ReleaseLog log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(log);
        _options = options;
        _variables = variables;
        _log = log;
        _gitHub = GitHubIntegration.FromVariables(variables);
        _deployments = new GitHubDeploymentReporter(_gitHub, log.Info, log.Warn);
    }

    /// <summary>One line for the log: where GitHub calls go, or why they are skipped.</summary>
    public string GitHubStatusLine => _gitHub.StatusLine;

    /// <summary>Creates a GitHub deployment of <paramref name="gitRef"/> to the environment, <c>in_progress</c>.</summary>
    /// <returns>Its id, or null when GitHub is not configured or refused.</returns>
    public async Task<long?> StartAsync(string gitRef, string release, string description, CancellationToken cancellationToken) =>
        await _deployments.StartAsync(_options.Environment, gitRef, release, description, await LogUrlAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Sets a deployment's state; the description is cut to its first line.</summary>
    public async Task SetAsync(long? deployment, DeploymentState state, string description, CancellationToken cancellationToken) =>
        await _deployments.SetAsync(deployment, state, ReleaseText.FirstLine(description), await LogUrlAsync(cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The end: deploy.json, the summary section, the pull request comment, and then the environment's lock released.</summary>
    /// <param name="release">The release named on the command line, when one was.</param>
    public async Task FinishAsync(ReleaseLock held, string? release, string outcome, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        var state = await held.ReadStateAsync(cancellationToken).ConfigureAwait(false);
        var record = new DeployOutcome(_options.Environment, release, outcome, message, _options.RelativeToRoot(held.StatePath), state.Current, state.LastKnownGood);
        await WriteAsync(record, cancellationToken).ConfigureAwait(false);
        await held.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WriteAsync(DeployOutcome outcome, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.ArtifactsDirectory);
        await File.WriteAllTextAsync(Path.Combine(_options.ArtifactsDirectory, "deploy.json"), outcome.ToJson(), cancellationToken).ConfigureAwait(false);

        var section = outcome.ToMarkdown();
        var summaryFile = Path.Combine(_options.ArtifactsDirectory, "summary.md");
        await File.AppendAllTextAsync(summaryFile, section, cancellationToken).ConfigureAwait(false);
        await _log.Summary(section, cancellationToken).ConfigureAwait(false);
        var actions = await ActionsAsync(cancellationToken).ConfigureAwait(false);
        if (_options.PullRequestComment && actions.Context.PullRequestNumber is { } pullRequest)
        {
            var markdown = await File.ReadAllTextAsync(summaryFile, cancellationToken).ConfigureAwait(false);
            await _deployments.CommentAsync(pullRequest, _options.Environment, markdown, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Uri?> LogUrlAsync(CancellationToken cancellationToken) =>
        _options.ReportUrl ?? (await ActionsAsync(cancellationToken).ConfigureAwait(false)).Context.RunUrl;

    private async Task<GitHubActionsRuntime> ActionsAsync(CancellationToken cancellationToken) =>
        _actions ??= await GitHubActionsRuntime.DetectAsync(_variables, cancellationToken).ConfigureAwait(false);
}
