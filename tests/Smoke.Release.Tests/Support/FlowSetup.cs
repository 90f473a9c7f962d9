using Smoke.Stack.Readiness;
using Smoke.Testing.Running;

namespace Smoke.Release.Tests.Support;

/// <summary>
/// The flows wired as the build wires them, around a repository root of their own, a stack in memory and a log that
/// keeps its lines. GitHub is skipped unless a test sets <see cref="Variables"/> to a fake server's.
/// </summary>
internal sealed class FlowSetup : IDisposable
{
    public const string Environment = "staging";

    private DeployReporter? _reporter;

    public ReleaseRoot Root { get; } = new();

    public FakeEnvironmentStack Stack { get; } = new(Environment);

    public LogLines Log { get; } = new();

    public ManualTime Time { get; } = new();

    public ReleaseStateStore Store => new(Root.Path, time: Time);

    /// <summary>What the reporter reads for GitHub and Actions; set before the first flow is made.</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; set; } = new Dictionary<string, string?>();

    public ReleaseFlowOptions Options { get; set; }

    /// <summary>What the rollback's critical tests return.</summary>
    public Func<ReadinessReport, SmokeRunResult> CriticalTests { get; set; } = _ => SmokeResults.CriticalRunPassed();

    public string Artifacts => Path.Combine(Root.Path, "artifacts", "smoke");

    public FlowSetup() =>
        Options = new ReleaseFlowOptions
        {
            Environment = Environment,
            RootDirectory = Root.Path,
            ArtifactsDirectory = Artifacts,
            DiagnosticsDirectory = Path.Combine(Artifacts, "diagnostics"),
            TriggeredBy = "alice",
            Secrets = ["s3cret"],
        };

    public DeployReporter Reporter => _reporter ??= new DeployReporter(Options, name => Variables.GetValueOrDefault(name), Log.Log);

    public DeployFlow Deploy() => new(Options, Store, Stack, Reporter, Log.Log, Time);

    public RollbackFlow Rollback() => new(Options, Store, Stack, Reporter, (ready, _) => Task.FromResult(CriticalTests(ready)), Log.Log, Time);

    /// <summary>Deploys <paramref name="release"/> the whole way, as far as the verdict.</summary>
    /// <returns>The flow, for its <see cref="DeployFlow.PendingRollback"/>; a failed verdict's exception is the test's to catch.</returns>
    public async Task<DeployFlow> DeployAsync(string release, DeployEvidence evidence)
    {
        var flow = Deploy();
        await flow.BeginAsync(release, $"{release}-sha", CancellationToken.None);
        await flow.ReportStartAsync(CancellationToken.None);
        await flow.BringUpAsync(await flow.ProjectAsync(CancellationToken.None), CancellationToken.None);
        await flow.JudgeAsync(evidence, CancellationToken.None);
        return flow;
    }

    /// <summary>A deploy of <paramref name="release"/> that the policy keeps.</summary>
    public Task<DeployFlow> DeployGoodAsync(string release) => DeployAsync(release, new DeployEvidence(SmokeResults.Keep()));

    /// <summary>A deploy of <paramref name="release"/> that the policy fails, and the rollback it leaves.</summary>
    public async Task<(DeployFailedException Failure, PendingRollback? Pending)> DeployBadAsync(string release)
    {
        var flow = Deploy();
        await flow.BeginAsync(release, $"{release}-sha", CancellationToken.None);
        await flow.BringUpAsync(await flow.ProjectAsync(CancellationToken.None), CancellationToken.None);
        var failure = await Assert.ThrowsAsync<DeployFailedException>(() => flow.JudgeAsync(new DeployEvidence(SmokeResults.RollBack()), CancellationToken.None));
        return (failure, flow.PendingRollback);
    }

    public Task<ReleaseState> StateAsync() => Store.ReadAsync(Options.Environment, CancellationToken.None);

    public string ReadArtifact(string name) => File.ReadAllText(Path.Combine(Artifacts, name));

    /// <summary>True when another deploy could take the environment's lock now.</summary>
    public async Task<bool> LockIsFreeAsync()
    {
        try
        {
            await using var next = await Store.AcquireLockAsync(Options.Environment, "test", CancellationToken.None);
            return true;
        }
        catch (ReleaseLockedException)
        {
            return false;
        }
    }

    public void Dispose() => Root.Dispose();
}
