namespace Smoke.Release;

/// <summary>A rollback asked for a release the environment never ran successfully.</summary>
public sealed class ReleaseNotInHistoryException : ReleaseStateException
{
    public ReleaseNotInHistoryException(string environment, string release, IReadOnlyList<string> candidates, string message)
        : base(message)
    {
        Environment = environment;
        Release = release;
        Candidates = candidates;
    }

    public string Environment { get; }

    public string Release { get; }

    /// <summary>Releases that did pass here, newest first: what could be asked for instead.</summary>
    public IReadOnlyList<string> Candidates { get; }
}
