namespace Smoke.Release;

/// <summary>A rollback was needed but no release ever passed in this environment: there is nothing to go back to.</summary>
public sealed class NoPreviousReleaseException : ReleaseStateException
{
    public NoPreviousReleaseException(string environment, string message)
        : base(message)
    {
        Environment = environment;
    }

    public string Environment { get; }
}
