namespace Smoke.Release;

/// <summary>Another deploy or rollback holds the environment's lock.</summary>
public sealed class ReleaseLockedException : ReleaseStateException
{
    public ReleaseLockedException(string environment, string lockPath, ReleaseLockHolder? holder, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Environment = environment;
        LockPath = lockPath;
        Holder = holder;
    }

    public string Environment { get; }

    public string LockPath { get; }

    /// <summary>The holder, when it could be read.</summary>
    public ReleaseLockHolder? Holder { get; }
}
