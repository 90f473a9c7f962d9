using Smoke.GitHub;
using Smoke.Stack.Readiness;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Release;

/// <summary>
/// Puts a release that passed back on an environment (docs/deploy.md): brings its images up, waits until every service
/// is ready, reruns the critical smoke tests, and records the rollback as passed; or, when any of that fails, records
/// it as failed, leaves diagnostics, and reports the environment degraded.
/// </summary>
public sealed class RollbackFlow
{
    private readonly ReleaseFlowOptions _options;
    private readonly ReleaseStateStore _store;
    private readonly IEnvironmentStack _stack;
    private readonly DeployReporter _reporter;
    private readonly Func<ReadinessReport, CancellationToken, Task<SmokeRunResult>> _runCriticalTests;
    private readonly ReleaseLog _log;
    private readonly TimeProvider _time;

    /// <param name="runCriticalTests">Runs the smoke projects' Critical tests against the ready stack.</param>
    public RollbackFlow(
        ReleaseFlowOptions options,
        ReleaseStateStore store,
        IEnvironmentStack stack,
        DeployReporter reporter,
        Func<ReadinessReport, CancellationToken, Task<SmokeRunResult>> runCriticalTests,
        ReleaseLog log,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _store = store;
        _stack = stack;
        _reporter = reporter;
        _runCriticalTests = runCriticalTests;
        _log = log;
        _time = time ?? TimeProvider.System;
    }

    private string Environment => _options.Environment;

    /// <summary>A rollback asked for by hand: takes the lock and brings back <paramref name="release"/>, or the last known good.</summary>
    /// <returns>The message of the rollback that passed.</returns>
    /// <exception cref="DeployFailedException">
    /// The lock is held, the release never passed here, or the rollback failed (<see cref="DeployFailedException.EnvironmentDegraded"/>).
    /// </exception>
    public async Task<string> RunByHandAsync(string? release, CancellationToken cancellationToken)
    {
        var held = await EnvironmentLocking.TakeAsync(_store, _options, release is null ? "Rollback" : $"Rollback --release {release}", _log, cancellationToken)
            .ConfigureAwait(false);
        _log.Info(_reporter.GitHubStatusLine);
        RollbackTarget target;
        try
        {
            target = RollbackTarget.Resolve(await held.ReadStateAsync(cancellationToken).ConfigureAwait(false), release);
        }
        catch (ReleaseStateException unresolved)
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw new DeployFailedException(unresolved.Message, unresolved);
        }

        var pending = new PendingRollback(held, target, release, _time.GetTimestamp(), byHand: true);
        return await RunAsync(pending, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Brings back the release a failed deploy (or <see cref="RunByHandAsync"/>) named; the lock is released at the end.</summary>
    /// <returns>The message of the rollback that passed.</returns>
    /// <exception cref="DeployFailedException">The rollback failed: the environment is degraded, and the message says what runs now.</exception>
    public async Task<string> RunAsync(PendingRollback pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var run = await StartAsync(pending, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RestoreAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw await DegradedAsync(run, failure).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await run.Record.InterruptAsync("the rollback was aborted by a second Ctrl+C or SIGTERM", CancellationToken.None).ConfigureAwait(false);
            await _reporter.SetAsync(run.GitHubDeployment, DeploymentState.Error, "rollback aborted", CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await pending.Lock.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The failures of a rollback's check: critical tests that failed, and projects that neither passed nor failed.</summary>
    internal static IReadOnlyList<string> CriticalFailures(SmokeRunResult critical) =>
    [
        .. critical.Tests.Where(test => test.IsCritical && test.Outcome == TestOutcome.Failed).Select(test => test.FullyQualifiedName),
        .. critical.Projects
            .Where(project => project.Status is not (SmokeProjectStatus.Passed or SmokeProjectStatus.Failed))
            .Select(project => $"{project.Name} {project.Status.ToString().ToLowerInvariant()}"),
    ];

    private async Task<Run> StartAsync(PendingRollback pending, CancellationToken cancellationToken)
    {
        var target = pending.Target;
        var from = (await pending.Lock.ReadStateAsync(cancellationToken).ConfigureAwait(false)).Current?.Release ?? "nothing";
        var record = await ReleaseDeployment.BeginRollbackAsync(pending.Lock, target, _options.TriggeredBy, cancellationToken).ConfigureAwait(false);
        foreach (var notice in record.Notices)
        {
            _log.Warn(notice);
        }

        _log.Info($"rolling \"{Environment}\" back from {from} to {target.Release}: {ReleaseText.Describe(target.Images)}");
        var gitHubDeployment = await _reporter.StartAsync(target.GitSha ?? target.Release, target.Release, $"rollback to {target.Release}", cancellationToken)
            .ConfigureAwait(false);
        return new Run(pending, record, from, gitHubDeployment);
    }

    private async Task<string> RestoreAsync(Run run, CancellationToken cancellationToken)
    {
        var target = run.Pending.Target;
        await _stack.EnsureImagesExistAsync(target.Images, $"release {target.Release} cannot be brought back", cancellationToken).ConfigureAwait(false);
        var ready = await _stack.BringBackAsync(target.Images, cancellationToken).ConfigureAwait(false);
        ready.EnsureReady();
        var seconds = _time.GetElapsedTime(run.Pending.Since).TotalSeconds;
        _log.Info(FormattableString.Invariant(
            $"{target.Release} is ready again in {seconds:0.0}s from the {(run.Pending.ByHand ? "start of the rollback" : "failing verdict")}"));
        var passed = await CheckCriticalTestsAsync(target, ready, cancellationToken).ConfigureAwait(false);

        await run.Record.SucceedAsync(cancellationToken).ConfigureAwait(false);
        await _reporter.SetAsync(run.GitHubDeployment, DeploymentState.Success, $"rolled back to {target.Release}", cancellationToken).ConfigureAwait(false);
        var message = $"\"{Environment}\" runs {target.Release} again, its critical tests pass ({passed} passed); rolled back from {run.From}";
        await _reporter.FinishAsync(run.Pending.Lock, run.Pending.Release, DeployOutcome.RolledBack, message, cancellationToken).ConfigureAwait(false);
        _log.Success(message);
        return message;
    }

    /// <returns>How many critical tests passed.</returns>
    private async Task<int> CheckCriticalTestsAsync(RollbackTarget target, ReadinessReport ready, CancellationToken cancellationToken)
    {
        var critical = await _runCriticalTests(ready, cancellationToken).ConfigureAwait(false);
        _log.Info($"critical tests after the rollback: {ConsoleReport.TotalsLine(critical.Tests)}");
        var failures = CriticalFailures(critical);
        if (failures.Count > 0)
        {
            throw new DeployFailedException($"the critical smoke tests of {target.Release} failed after the rollback: {string.Join(", ", failures)}");
        }

        return critical.Passed;
    }

    private async Task<DeployFailedException> DegradedAsync(Run run, Exception failure)
    {
        var target = run.Pending.Target;
        var reason = ReleaseText.FirstLine(failure.Message);
        await run.Record.FailAsync(reason, CancellationToken.None).ConfigureAwait(false);
        await _reporter.SetAsync(run.GitHubDeployment, DeploymentState.Error, $"rollback to {target.Release} failed: {reason}", CancellationToken.None).ConfigureAwait(false);
        var running = await _stack.WriteDiagnosticsAsync(_options.DiagnosticsDirectory, _options.Secrets, CancellationToken.None).ConfigureAwait(false);
        var message =
            $"environment \"{Environment}\" is DEGRADED: rolling back from {run.From} to {target.Release} failed: {reason}. " +
            $"What runs now: {running}. Diagnostics are in {_options.RelativeToRoot(_options.DiagnosticsDirectory)}/. " +
            $"Bring a release that passed back by hand: ./build.sh Rollback --environment {Environment} --release <release>";
        await _reporter.FinishAsync(run.Pending.Lock, run.Pending.Release, DeployOutcome.RollbackFailed, message, CancellationToken.None).ConfigureAwait(false);
        return new DeployFailedException(message, failure, environmentDegraded: true);
    }

    /// <summary>A rollback under way: its record in the state, the release it replaces, and its GitHub deployment.</summary>
    private sealed record Run(PendingRollback Pending, ReleaseDeployment Record, string From, long? GitHubDeployment);
}
