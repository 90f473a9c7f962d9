namespace Smoke.Pipeline;

/// <summary>
/// The one deliberate failure: a target (or the run itself) could not do its job, the message says why and what to do
/// next, and <see cref="ExitCode"/> is what the build exits with. The build prints the message alone. Any other
/// exception out of a target is unexpected, a bug, and is printed with its type (and its stack trace with --verbose).
/// </summary>
public class BuildFailedException : Exception
{
    public BuildFailedException()
        : this("the build failed")
    {
    }

    public BuildFailedException(string message)
        : this(message, ExitCodes.TargetFailed, null)
    {
    }

    public BuildFailedException(string message, Exception? innerException)
        : this(message, ExitCodes.TargetFailed, innerException)
    {
    }

    public BuildFailedException(string message, int exitCode, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exitCode, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exitCode, 255);
        ExitCode = exitCode;
    }

    /// <summary>The process exit code this failure stands for, 1 to 255; when several targets fail, the highest wins.</summary>
    public int ExitCode { get; }

    /// <summary>Exit code 2: the command line, a parameter or a configuration file is wrong, and nothing it asked for can run.</summary>
    public static BuildFailedException InvalidUsage(string message, Exception? innerException = null) =>
        new(message, ExitCodes.InvalidUsage, innerException);
}
