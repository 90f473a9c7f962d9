using Smoke.GitHub;

namespace Smoke.Release;

/// <summary>
/// Tells GitHub what a deploy or rollback did, as deployments and deployment statuses. GitHub is a witness, not a
/// gate: a call that fails is a warning and the deploy goes on, since an outage of GitHub must not keep a broken
/// release running or a good one from being deployed.
/// </summary>
public sealed class GitHubDeploymentReporter
{
    private readonly GitHubIntegration _github;
    private readonly Action<string> _info;
    private readonly Action<string> _warn;

    public GitHubDeploymentReporter(GitHubIntegration github, Action<string> info, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(github);
        _github = github;
        _info = info;
        _warn = warn;
    }

    public bool IsConfigured => _github.IsConfigured;

    /// <summary>Creates a deployment of <paramref name="gitRef"/> to the environment and sets it <c>in_progress</c>.</summary>
    /// <param name="gitRef">The commit sha when known, else the release's tag.</param>
    /// <returns>The deployment's id, or null when GitHub is not configured or refused.</returns>
    public async Task<long?> StartAsync(string environment, string gitRef, string release, string description, Uri? logUrl, CancellationToken cancellationToken)
    {
        if (!_github.IsConfigured)
        {
            return null;
        }

        try
        {
            var deployment = await _github.Client.Deployments.CreateAsync(
                _github.Repository,
                new NewDeployment(gitRef, environment)
                {
                    Description = description,
                    Payload = new Dictionary<string, string> { ["release"] = release, ["environment"] = environment },
                },
                cancellationToken).ConfigureAwait(false);
            _info($"GitHub: deployment {deployment.Id} of {gitRef} to {environment} created");
            await SetAsync(deployment.Id, DeploymentState.InProgress, description, logUrl, cancellationToken).ConfigureAwait(false);
            return deployment.Id;
        }
        catch (GitHubApiException exception)
        {
            _warn($"GitHub: could not create the deployment of {release} to {environment}; the deploy goes on without it: {exception.Message}");
            return null;
        }
    }

    /// <summary>Sets the deployment's state; does nothing for a deployment that was never created.</summary>
    public async Task SetAsync(long? deploymentId, DeploymentState state, string description, Uri? logUrl, CancellationToken cancellationToken)
    {
        if (!_github.IsConfigured || deploymentId is not { } id)
        {
            return;
        }

        try
        {
            await _github.Client.Deployments.Statuses.CreateAsync(
                _github.Repository,
                id,
                new NewDeploymentStatus(state) { Description = description, LogUrl = logUrl },
                cancellationToken).ConfigureAwait(false);
            _info($"GitHub: deployment {id} is {Spelling(state)}");
        }
        catch (GitHubApiException exception)
        {
            _warn($"GitHub: could not set deployment {id} to {Spelling(state)}: {exception.Message}");
        }
    }

    /// <summary>Puts <paramref name="markdown"/> on the pull request, replacing this environment's earlier comment.</summary>
    public async Task CommentAsync(int pullRequest, string environment, string markdown, CancellationToken cancellationToken)
    {
        if (!_github.IsConfigured)
        {
            return;
        }

        try
        {
            var upsert = await _github.Client.Issues.Comments.UpsertAsync(_github.Repository, pullRequest, $"smoke-report:{environment}", markdown, cancellationToken).ConfigureAwait(false);
            _info($"GitHub: summary comment on #{pullRequest} {upsert.Outcome.ToString().ToLowerInvariant()}");
        }
        catch (GitHubApiException exception)
        {
            _warn($"GitHub: could not comment on #{pullRequest}: {exception.Message}");
        }
    }

    private static string Spelling(DeploymentState state) => state == DeploymentState.InProgress ? "in_progress" : state.ToString().ToLowerInvariant();
}
