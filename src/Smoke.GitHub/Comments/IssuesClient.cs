namespace Smoke.GitHub;

/// <summary>Issues and pull requests (GitHub treats a pull request's conversation as an issue's).</summary>
public sealed class IssuesClient
{
    internal IssuesClient(ApiConnection connection) => Comments = new IssueCommentsClient(connection);

    public IssueCommentsClient Comments { get; }
}
