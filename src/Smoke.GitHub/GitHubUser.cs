namespace Smoke.GitHub;

/// <summary>The account behind a deployment, status or comment.</summary>
public sealed record GitHubUser
{
    public long Id { get; init; }

    public string Login { get; init; } = "";
}
