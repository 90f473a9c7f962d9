namespace Smoke.GitHub;

/// <summary>
/// A small GitHub REST client, shaped like Octokit's: <c>client.Deployments.CreateAsync(...)</c>,
/// <c>client.Deployments.Statuses.CreateAsync(...)</c>, <c>client.Issues.Comments.UpsertAsync(...)</c>,
/// <c>client.CommitStatuses.CreateAsync(...)</c>.
/// </summary>
public sealed class GitHubClient : IDisposable
{
    private readonly ApiConnection connection;

    /// <param name="token">A token sent as <c>Authorization: Bearer</c>; it never appears in a message, exception or log line.</param>
    /// <param name="options">Where the API is and how rate limits are waited for; defaults to https://api.github.com.</param>
    /// <param name="handler">A message handler to send requests through; the client does not dispose it.</param>
    public GitHubClient(string token, GitHubClientOptions? options = null, HttpMessageHandler? handler = null)
    {
        Options = options ?? new GitHubClientOptions();
        connection = new ApiConnection(token, Options, handler);
        Deployments = new DeploymentsClient(connection);
        Issues = new IssuesClient(connection);
        CommitStatuses = new CommitStatusesClient(connection);
    }

    public GitHubClientOptions Options { get; }

    public DeploymentsClient Deployments { get; }

    public IssuesClient Issues { get; }

    public CommitStatusesClient CommitStatuses { get; }

    public void Dispose() => connection.Dispose();

    public override string ToString() => $"GitHub client for {Options.BaseAddress}";
}
