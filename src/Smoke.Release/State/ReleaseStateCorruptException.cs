namespace Smoke.Release;

/// <summary>A state file that cannot be trusted: not JSON, not our shape, or from an unknown schema version. Never reset silently.</summary>
public sealed class ReleaseStateCorruptException : ReleaseStateException
{
    public ReleaseStateCorruptException(string filePath, string? backupPath, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = filePath;
        BackupPath = backupPath;
    }

    public string FilePath { get; }

    /// <summary>The copy of the previous good write, when one exists.</summary>
    public string? BackupPath { get; }
}
