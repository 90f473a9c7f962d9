namespace Smoke.Release;

/// <summary>
/// The exclusive right to change one environment, held from the start of a deploy (or rollback) to its end.
/// State writes go through it, so nothing writes an environment it does not hold.
/// </summary>
public sealed class ReleaseLock : IAsyncDisposable
{
    private readonly FileStream _lockFile;
    private readonly string _holderPath;
    private readonly ReleaseStateFile _state;
    private bool _released;

    internal ReleaseLock(FileStream lockFile, string holderPath, ReleaseStateFile state, ReleaseLockHolder holder, ReleaseLockHolder? tookOverFrom, IReadOnlyList<string> notices)
    {
        _lockFile = lockFile;
        _holderPath = holderPath;
        _state = state;
        Holder = holder;
        TookOverFrom = tookOverFrom;
        Notices = notices;
    }

    public string Environment => Holder.Environment;

    public ReleaseLockHolder Holder { get; }

    /// <summary>The holder of a stale lock this one replaced: a process on this host that is gone.</summary>
    public ReleaseLockHolder? TookOverFrom { get; }

    /// <summary>Sentences worth showing the user: a stale lock taken over, partial writes of a crashed process removed.</summary>
    public IReadOnlyList<string> Notices { get; }

    public string StatePath => _state.FilePath;

    internal TimeProvider Time => _state.Time;

    /// <exception cref="ReleaseStateCorruptException">The state file cannot be trusted; the message says how to repair it.</exception>
    public Task<ReleaseState> ReadStateAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        return _state.ReadAsync(cancellationToken);
    }

    /// <summary>Replaces the state file atomically; history beyond the store's limit is dropped, oldest first.</summary>
    /// <returns>The state as written.</returns>
    public Task<ReleaseState> WriteStateAsync(ReleaseState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ObjectDisposedException.ThrowIf(_released, this);
        return _state.WriteAsync(state, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        File.Delete(_holderPath);

        // Emptied, not deleted: deleting would let a process that opened the old file keep a lock on a file nobody else sees.
        _lockFile.SetLength(0);
        _lockFile.Flush(flushToDisk: true);
        await _lockFile.DisposeAsync().ConfigureAwait(false);
    }
}
