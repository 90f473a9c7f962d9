namespace Smoke.GitHub;

/// <summary>Comments on an issue or pull request: <c>/repos/{owner}/{repo}/issues/{number}/comments</c>.</summary>
public sealed class IssueCommentsClient
{
    // Pull request comments are issue comments; a token scoped to pull requests alone may write them.
    private const string ReadPermission = "issues: read (or pull-requests: read)";
    private const string WritePermission = "issues: write (or pull-requests: write)";

    private readonly ApiConnection connection;

    internal IssueCommentsClient(ApiConnection connection) => this.connection = connection;

    /// <summary>All comments of an issue or pull request, oldest first, following every page.</summary>
    public Task<IReadOnlyList<IssueComment>> GetAllForIssueAsync(RepositoryName repository, int number, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        return connection.GetAllPagesAsync<IssueComment>($"{repository.ApiPath}/issues/{number}/comments", ReadPermission, cancellationToken);
    }

    /// <summary>Adds a comment; GitHub answers 201 with it.</summary>
    public Task<IssueComment> CreateAsync(RepositoryName repository, int number, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(body);
        return connection.SendAsync<IssueComment>(
            HttpMethod.Post, $"{repository.ApiPath}/issues/{number}/comments", new CommentBody(GitHubLimits.CommentBody(body)), WritePermission, cancellationToken);
    }

    /// <summary>Replaces the body of a comment.</summary>
    public Task<IssueComment> UpdateAsync(RepositoryName repository, long commentId, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(body);
        return connection.SendAsync<IssueComment>(
            HttpMethod.Patch, $"{repository.ApiPath}/issues/comments/{commentId}", new CommentBody(GitHubLimits.CommentBody(body)), WritePermission, cancellationToken);
    }

    /// <summary>
    /// Keeps one comment per <paramref name="key"/>: the body starts with a hidden
    /// <c>&lt;!-- key --&gt;</c> marker, and a comment that already carries it is updated instead of a new one
    /// being added, so a re-run does not pile up comments. An identical body is left alone.
    /// </summary>
    /// <param name="key">Names the comment among others, e.g. <c>smoke-report:staging</c>.</param>
    public async Task<CommentUpsert> UpsertAsync(RepositoryName repository, int number, string key, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var marker = CommentMarker.For(key);
        var fullBody = GitHubLimits.CommentBody($"{marker}\n{body}");
        var comments = await GetAllForIssueAsync(repository, number, cancellationToken).ConfigureAwait(false);
        var existing = comments.FirstOrDefault(c => c.Body?.Contains(marker, StringComparison.Ordinal) == true);
        if (existing is null)
        {
            return new CommentUpsert(await CreateAsync(repository, number, fullBody, cancellationToken).ConfigureAwait(false), CommentUpsertOutcome.Created);
        }

        if (string.Equals(Normalise(existing.Body), Normalise(fullBody), StringComparison.Ordinal))
        {
            return new CommentUpsert(existing, CommentUpsertOutcome.Unchanged);
        }

        return new CommentUpsert(await UpdateAsync(repository, existing.Id, fullBody, cancellationToken).ConfigureAwait(false), CommentUpsertOutcome.Updated);
    }

    // GitHub may hand a body back with CRLF line endings.
    private static string? Normalise(string? body) => body?.Replace("\r\n", "\n", StringComparison.Ordinal);

    private sealed record CommentBody(string Body);
}
