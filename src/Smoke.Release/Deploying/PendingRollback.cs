namespace Smoke.Release;

/// <summary>
/// A rollback that is due: the environment's lock, still held, and the release to bring back. A deploy whose verdict
/// failed leaves one (<see cref="DeployFlow.PendingRollback"/>) for <see cref="RollbackFlow.RunAsync"/>.
/// </summary>
public sealed class PendingRollback
{
    internal PendingRollback(ReleaseLock held, RollbackTarget target, string? release, long since, bool byHand)
    {
        Lock = held;
        Target = target;
        Release = release;
        Since = since;
        ByHand = byHand;
    }

    /// <summary>The release to bring back, with its images and commit.</summary>
    public RollbackTarget Target { get; }

    /// <summary>The release named on the command line (the failed deploy's, or Rollback's --release), for deploy.json.</summary>
    public string? Release { get; }

    internal ReleaseLock Lock { get; }

    /// <summary>The timestamp the rollback's time is measured from: the failing verdict, or the start of a rollback by hand.</summary>
    internal long Since { get; }

    internal bool ByHand { get; }
}
