namespace Smoke.GitHub;

/// <summary>A comment on an issue or pull request as GitHub returns it.</summary>
public sealed record IssueComment
{
    public long Id { get; init; }

    public string? Body { get; init; }

    public GitHubUser? User { get; init; }

    public Uri? HtmlUrl { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}
