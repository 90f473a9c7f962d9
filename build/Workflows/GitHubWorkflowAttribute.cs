namespace Smoke.Build.Workflows;

/// <summary>
/// Declares a GitHub Actions workflow that runs targets of this build; <c>./build.sh --generate-workflows</c> writes it to
/// <c>.github/workflows/&lt;name&gt;.yml</c> and the CheckWorkflows target fails while the file differs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class GitHubWorkflowAttribute(string name) : Attribute
{
    /// <summary>The workflow's name and file name: lower case letters, digits and dashes.</summary>
    public string Name { get; } = name;

    /// <summary>Branches whose pushes run the workflow (glob patterns such as <c>release/**</c>).</summary>
    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Target branches of pull requests that run the workflow.</summary>
    public string[] OnPullRequestBranches { get; set; } = [];

    /// <summary>Whether the workflow can be started by hand from the Actions tab.</summary>
    public bool OnWorkflowDispatch { get; set; }

    /// <summary>The targets the job runs: <c>./build.sh A B</c>.</summary>
    public string[] InvokedTargets { get; set; } = [];

    /// <summary>More arguments for <c>./build.sh</c>, such as <c>--profile ci</c>.</summary>
    public string[] Arguments { get; set; } = [];

    public string RunsOn { get; set; } = "ubuntu-latest";

    /// <summary>The deployment environment the job runs in, for its protection rules and secrets.</summary>
    public string? Environment { get; set; }

    /// <summary>Token permissions as <c>scope: level</c>, e.g. <c>contents: read</c>.</summary>
    public string[] Permissions { get; set; } = ["contents: read"];

    /// <summary>Repository secrets made environment variables of the same name, where parameters pick them up.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Paths uploaded as the job's artifact, even when the build failed.</summary>
    public string[] Artifacts { get; set; } = [];

    public int TimeoutMinutes { get; set; } = 60;

    /// <summary>Runs in the same group queue behind each other; empty: the workflow name and the git ref.</summary>
    public string? ConcurrencyGroup { get; set; }

    /// <summary>A new run in the same concurrency group cancels the one in progress.</summary>
    public bool CancelInProgress { get; set; }

    /// <summary>More than 1: the job runs as a matrix of that many shards, each given <c>--shard i/n</c>.</summary>
    public int Shards { get; set; } = 1;

    /// <summary>With <see cref="Shards"/>: targets a final job runs, after every shard, on all the shards' artifacts.</summary>
    public string[] MergeTargets { get; set; } = [];
}
