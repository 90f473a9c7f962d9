namespace Smoke.Release;

/// <summary>Base of every error about an environment's release state; catch this to report them all alike.</summary>
public class ReleaseStateException : Exception
{
    public ReleaseStateException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
