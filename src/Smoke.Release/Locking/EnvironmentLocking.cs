namespace Smoke.Release;

/// <summary>Taking an environment's lock for a deploy or rollback, and saying so.</summary>
internal static class EnvironmentLocking
{
    /// <param name="command">What the holder does, e.g. <c>Deploy --release v42</c>: a refused deploy names it.</param>
    /// <exception cref="DeployFailedException">Another deploy or rollback holds the lock; the message names it.</exception>
    public static async Task<ReleaseLock> TakeAsync(
        ReleaseStateStore store, ReleaseFlowOptions options, string command, ReleaseLog log, CancellationToken cancellationToken)
    {
        ReleaseLock held;
        try
        {
            held = await store.AcquireLockAsync(options.Environment, command, cancellationToken).ConfigureAwait(false);
        }
        catch (ReleaseLockedException locked)
        {
            throw new DeployFailedException(locked.Message, locked);
        }

        foreach (var notice in held.Notices)
        {
            log.Warn(notice);
        }

        log.Info($"holding the lock of environment \"{options.Environment}\" ({options.RelativeToRoot(store.LockPath(options.Environment))})");
        return held;
    }
}
