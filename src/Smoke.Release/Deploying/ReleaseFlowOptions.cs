namespace Smoke.Release;

/// <summary>What a deploy or rollback needs besides the release: the environment, who asked, and where its records go.</summary>
public sealed record ReleaseFlowOptions
{
    /// <summary>The environment's name, e.g. <c>staging</c>; it names the state and lock files.</summary>
    public required string Environment { get; init; }

    /// <summary>The repository root: messages name files relative to it.</summary>
    public required string RootDirectory { get; init; }

    /// <summary>Where <c>deploy.json</c> and <c>summary.md</c> go, e.g. <c>artifacts/smoke</c>.</summary>
    public required string ArtifactsDirectory { get; init; }

    /// <summary>Where a failed rollback leaves the state of every container and the logs of those not running.</summary>
    public required string DiagnosticsDirectory { get; init; }

    /// <summary>Who asked, for the release state: the GitHub actor on Actions, the local user otherwise.</summary>
    public string TriggeredBy { get; init; } = DefaultTriggeredBy();

    /// <summary>Where the published smoke report can be read: the log URL of GitHub deployment statuses. Null: the Actions run page.</summary>
    public Uri? ReportUrl { get; init; }

    /// <summary>Put the deploy's summary on the pull request the run is for, as one comment per environment.</summary>
    public bool PullRequestComment { get; init; }

    /// <summary>Values masked in the container logs a failed rollback leaves for diagnosis.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    internal string RelativeToRoot(string path) => Path.GetRelativePath(RootDirectory, path);

    private static string DefaultTriggeredBy() =>
        System.Environment.GetEnvironmentVariable("GITHUB_ACTOR") is { Length: > 0 } actor ? actor : System.Environment.UserName;
}
