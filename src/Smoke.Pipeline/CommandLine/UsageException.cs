namespace Smoke.Pipeline;

/// <summary>The build was asked for something it cannot do (unknown target, bad parameter, cycle): exit code 2, nothing runs.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
