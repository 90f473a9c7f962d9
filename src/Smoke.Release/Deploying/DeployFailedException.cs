namespace Smoke.Release;

/// <summary>
/// A deploy or rollback stopped; the message says what happened, to which environment, and what to do next.
/// </summary>
public sealed class DeployFailedException : Exception
{
    public DeployFailedException(string message, Exception? innerException = null, bool environmentDegraded = false)
        : base(message, innerException)
    {
        EnvironmentDegraded = environmentDegraded;
    }

    /// <summary>A rollback failed: the environment runs neither the new release nor its last known good one.</summary>
    public bool EnvironmentDegraded { get; }
}
