namespace Smoke.Pipeline;

/// <summary>The build was asked for something it cannot do (unknown target, bad parameter, cycle): exit code 2, nothing runs.</summary>
internal sealed class UsageException : BuildFailedException
{
    public UsageException()
        : this("the build was asked for something it cannot do")
    {
    }

    public UsageException(string message)
        : base(message, ExitCodes.InvalidUsage)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, ExitCodes.InvalidUsage, innerException)
    {
    }
}
