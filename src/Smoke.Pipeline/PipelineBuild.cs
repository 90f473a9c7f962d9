using System.Linq.Expressions;

namespace Smoke.Pipeline;

/// <summary>
/// The base of a build: one (partial) class whose <see cref="Target"/> properties are the targets and whose
/// <see cref="ParameterAttribute"/> members are the parameters. <c>Main</c> is <c>Execute&lt;Build&gt;(args, x =&gt; x.Smoke)</c>.
/// </summary>
public abstract partial class PipelineBuild
{
    private readonly Lock outcomesGate = new();
    private readonly List<(int Position, TargetOutcome Outcome)> outcomes = [];
    private bool cancelled;

    /// <summary>The directory holding <c>.nuke/</c>, searched upward from the working directory.</summary>
    public string RootDirectory { get; private set; } = Directory.GetCurrentDirectory();

    /// <summary><c>RootDirectory/.nuke/temp</c>, for files that need not survive a clean clone.</summary>
    public string TemporaryDirectory => Path.Combine(RootDirectory, ".nuke", "temp");

    [Parameter("Profiles to apply (.nuke/parameters.<profile>.json), later ones win")]
    public string[] Profile { get; private set; } = [];

    [Parameter("Targets to run; bare words before the first option do the same", Name = "Target")]
    internal string[] InvokedTargets { get; private set; } = [];

    [Parameter("Targets to skip, and the dependencies only they need; given alone, every target that was not invoked", Name = "Skip")]
    internal string[]? SkippedTargets { get; private set; }

    [Parameter("Run independent targets concurrently, each target's output written whole when it ends", Name = "Parallel")]
    internal bool Parallel { get; private set; }

    [Parameter("Write debug lines too, such as stack traces of failed targets", Name = "Verbose")]
    internal bool Verbose { get; private set; }

    /// <summary>True on a CI runner: GITHUB_ACTIONS=true or CI=true.</summary>
    public bool IsServerBuild { get; private set; }

    public bool IsLocalBuild => !IsServerBuild;

    /// <summary>A target failed or the build was cancelled, so far. Assured targets (rollback) read this.</summary>
    public bool HasFailed
    {
        get
        {
            lock (outcomesGate)
            {
                return cancelled || outcomes.Any(o => o.Outcome.Status is TargetStatus.Failed or TargetStatus.Cancelled);
            }
        }
    }

    /// <summary>What happened to each planned target so far, in plan order.</summary>
    public IReadOnlyList<TargetOutcome> Outcomes
    {
        get
        {
            lock (outcomesGate)
            {
                return [.. outcomes.OrderBy(o => o.Position).Select(o => o.Outcome)];
            }
        }
    }

    public static int Execute<TBuild>(string[] args, params Expression<Func<TBuild, Target>>[] defaultTargets)
        where TBuild : PipelineBuild, new() =>
        ExecuteAsync(args, defaultTargets).GetAwaiter().GetResult();

    /// <summary>Runs the build in this process: the console, the current directory, the environment, and Ctrl+C/SIGTERM.</summary>
    public static async Task<int> ExecuteAsync<TBuild>(string[] args, params Expression<Func<TBuild, Target>>[] defaultTargets)
        where TBuild : PipelineBuild, new()
    {
        using var signals = TerminationSignals.Register();
        return await new BuildRunner<TBuild>(new PipelineOptions(), defaultTargets)
            .RunAsync(args, signals.Interrupted, signals.Aborted)
            .ConfigureAwait(false);
    }

    /// <summary>Runs the build against the given output, directory and environment; cancelling the token is Ctrl+C.</summary>
    public static Task<int> ExecuteAsync<TBuild>(
        string[] args,
        PipelineOptions options,
        CancellationToken cancellationToken,
        params Expression<Func<TBuild, Target>>[] defaultTargets)
        where TBuild : PipelineBuild, new() =>
        new BuildRunner<TBuild>(options, defaultTargets).RunAsync(args, cancellationToken, CancellationToken.None);

    /// <summary>Called after the summary is written, before the process exits; <see cref="Outcomes"/> is complete.</summary>
    protected virtual void OnBuildFinished()
    {
    }

    internal void NotifyBuildFinished() => OnBuildFinished();

    internal void Initialize(string rootDirectory, bool isServerBuild)
    {
        RootDirectory = rootDirectory;
        IsServerBuild = isServerBuild;
    }

    internal void Record(int position, TargetOutcome outcome)
    {
        lock (outcomesGate)
        {
            outcomes.Add((position, outcome));
        }
    }

    internal void MarkCancelled()
    {
        lock (outcomesGate)
        {
            cancelled = true;
        }
    }
}
