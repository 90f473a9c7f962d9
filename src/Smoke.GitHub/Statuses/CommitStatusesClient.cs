namespace Smoke.GitHub;

/// <summary>Commit statuses: <c>/repos/{owner}/{repo}/statuses/{sha}</c>.</summary>
public sealed class CommitStatusesClient
{
    private const string WritePermission = "statuses: write";

    private readonly ApiConnection connection;

    internal CommitStatusesClient(ApiConnection connection) => this.connection = connection;

    /// <summary>Sets a status on a commit; GitHub answers 201 with it.</summary>
    public Task<CommitStatus> CreateAsync(RepositoryName repository, string sha, NewCommitStatus status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentException.ThrowIfNullOrWhiteSpace(sha);
        ArgumentNullException.ThrowIfNull(status);
        var body = status with { Description = GitHubLimits.ShortDescription(status.Description) };
        return connection.SendAsync<CommitStatus>(
            HttpMethod.Post, $"{repository.ApiPath}/statuses/{Uri.EscapeDataString(sha.Trim())}", body, WritePermission, cancellationToken);
    }
}
