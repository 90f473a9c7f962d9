namespace Smoke.GitHub;

/// <summary>What GitHub Actions tells a step about its run, read from the <c>GITHUB_*</c> variables.</summary>
public sealed record ActionsContext
{
    /// <summary>True when <c>GITHUB_ACTIONS=true</c>.</summary>
    public bool IsActions { get; init; }

    public RepositoryName? Repository { get; init; }

    public string? Sha { get; init; }

    /// <summary>The ref that triggered the run, e.g. <c>refs/heads/main</c> or <c>refs/pull/42/merge</c>.</summary>
    public string? Ref { get; init; }

    public string? RunId { get; init; }

    public string? RunAttempt { get; init; }

    public string? EventName { get; init; }

    public string? Workflow { get; init; }

    public string? Actor { get; init; }

    public Uri ServerUrl { get; init; } = new("https://github.com");

    public Uri ApiUrl { get; init; } = GitHubClientOptions.DefaultBaseAddress;

    /// <summary>The pull request the run is about, from the event payload or a <c>refs/pull/N/...</c> ref.</summary>
    public int? PullRequestNumber { get; init; }

    /// <summary>The run's page, <c>{server}/{owner}/{repo}/actions/runs/{id}</c>: the log_url of a deployment status.</summary>
    public Uri? RunUrl => Repository is null || string.IsNullOrEmpty(RunId)
        ? null
        : new Uri($"{ServerUrl.AbsoluteUri.TrimEnd('/')}/{Repository}/actions/runs/{Uri.EscapeDataString(RunId)}");
}
