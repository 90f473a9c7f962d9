namespace Smoke.Release;

/// <summary>
/// One deploy or rollback in an environment's state, from intent to verdict, written at each step so
/// that whatever happens to the process, the file says how far it got.
/// </summary>
/// <example>
/// <code>
/// await using var held = await store.AcquireLockAsync("staging", "Deploy --release v42", ct);
/// var deployment = await ReleaseDeployment.BeginAsync(held, intent, ct);
/// // bring the release up, wait, run the smoke tests, ask the RollbackPolicy
/// if (!decision.RollBack) { await deployment.SucceedAsync(ct); return; }
/// var failed = await deployment.FailAsync(decision.Summary, ct);
/// var target = RollbackTarget.Resolve(failed);   // throws NoPreviousReleaseException on a first deploy
/// var rollback = await ReleaseDeployment.BeginRollbackAsync(held, target, intent.TriggeredBy, ct);
/// </code>
/// </example>
public sealed class ReleaseDeployment
{
    private readonly ReleaseLock _held;

    private ReleaseDeployment(ReleaseLock held, ReleaseRecord record, ReleaseState before, IReadOnlyList<string> notices)
    {
        _held = held;
        Record = record;
        Before = before;
        Notices = notices;
    }

    /// <summary>The record as last written.</summary>
    public ReleaseRecord Record { get; private set; }

    /// <summary>The environment's state before this began (after any unfinished record was marked interrupted).</summary>
    public ReleaseState Before { get; }

    /// <summary>Sentences worth showing: an earlier deploy found unfinished and recorded as interrupted.</summary>
    public IReadOnlyList<string> Notices { get; }

    public bool IsFinished => Record.Verdict != ReleaseVerdict.InProgress;

    /// <summary>Records the intent to deploy a release: it becomes current, in progress.</summary>
    public static Task<ReleaseDeployment> BeginAsync(ReleaseLock held, ReleaseIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent.Release);
        ArgumentException.ThrowIfNullOrWhiteSpace(intent.TriggeredBy);
        var time = held.Time;
        var record = new ReleaseRecord(NewId(), intent.Release, ReleaseAction.Deploy, intent.Images, intent.GitSha, intent.TriggeredBy, time.GetUtcNow());
        return StartAsync(held, record, cancellationToken);
    }

    /// <summary>Records the intent to bring back <paramref name="target"/>, replacing whatever is current.</summary>
    public static async Task<ReleaseDeployment> BeginRollbackAsync(
        ReleaseLock held, RollbackTarget target, string triggeredBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(triggeredBy);
        if (target.Environment != held.Environment)
        {
            throw new ArgumentException(
                $"a rollback target of environment \"{target.Environment}\" cannot be deployed under the lock of \"{held.Environment}\"", nameof(target));
        }

        var time = held.Time;
        var current = (await held.ReadStateAsync(cancellationToken).ConfigureAwait(false)).Current;
        var record = new ReleaseRecord(NewId(), target.Release, ReleaseAction.Rollback, target.Images, target.GitSha, triggeredBy, time.GetUtcNow())
        {
            RollbackOf = current?.Release,
        };
        return await StartAsync(held, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The smoke tests passed: the release becomes the last known good.</summary>
    public Task<ReleaseState> SucceedAsync(CancellationToken cancellationToken) =>
        FinishAsync(ReleaseVerdict.Passed, reason: null, becomesLastKnownGood: true, cancellationToken);

    /// <summary>The smoke tests (or a rollback's checks) failed; <paramref name="reason"/> is the rule that fired.</summary>
    /// <returns>The state after, from which <see cref="RollbackTarget.Resolve"/> finds where to go back to.</returns>
    public Task<ReleaseState> FailAsync(string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return FinishAsync(ReleaseVerdict.Failed, reason, becomesLastKnownGood: false, cancellationToken);
    }

    /// <summary>Stopped before a verdict (Ctrl+C). Call it with a token that is not the cancelled one.</summary>
    public Task<ReleaseState> InterruptAsync(string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return FinishAsync(ReleaseVerdict.Interrupted, reason, becomesLastKnownGood: false, cancellationToken);
    }

    private static async Task<ReleaseDeployment> StartAsync(ReleaseLock held, ReleaseRecord record, CancellationToken cancellationToken)
    {
        var before = await held.ReadStateAsync(cancellationToken).ConfigureAwait(false);
        var notices = new List<string>();

        // Under the lock nothing else is running, so a record still in progress belongs to a process that died.
        if (before.Current is { Verdict: ReleaseVerdict.InProgress } unfinished)
        {
            var interrupted = unfinished with
            {
                Verdict = ReleaseVerdict.Interrupted,
                FinishedAt = held.Time.GetUtcNow(),
                Reason = "the process running it stopped before a verdict",
            };
            before = Replace(before, interrupted) with { Current = interrupted };
            notices.Add(
                $"the {unfinished.Action.ToString().ToLowerInvariant()} of {unfinished.Release} to \"{before.Environment}\" started " +
                $"{unfinished.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z by {unfinished.TriggeredBy} never finished; it is recorded as interrupted");
        }

        var after = before with { Current = record, History = [record, .. before.History] };
        await held.WriteStateAsync(after, cancellationToken).ConfigureAwait(false);
        return new ReleaseDeployment(held, record, before, notices);
    }

    private async Task<ReleaseState> FinishAsync(ReleaseVerdict verdict, string? reason, bool becomesLastKnownGood, CancellationToken cancellationToken)
    {
        if (IsFinished)
        {
            throw new InvalidOperationException(
                $"the {Record.Action.ToString().ToLowerInvariant()} of {Record.Release} to \"{_held.Environment}\" already ended as {Record.Verdict}; it cannot end again as {verdict}");
        }

        var finished = Record with { Verdict = verdict, Reason = reason, FinishedAt = _held.Time.GetUtcNow() };
        var state = Replace(await _held.ReadStateAsync(cancellationToken).ConfigureAwait(false), finished);
        state = state with
        {
            Current = state.Current?.Id == finished.Id ? finished : state.Current,
            LastKnownGood = becomesLastKnownGood ? finished : state.LastKnownGood,
        };
        var written = await _held.WriteStateAsync(state, cancellationToken).ConfigureAwait(false);
        Record = finished;
        return written;
    }

    private static ReleaseState Replace(ReleaseState state, ReleaseRecord record) =>
        state with { History = state.History.Select(entry => entry.Id == record.Id ? record : entry).ToList() };

    private static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
