namespace SmokeTests.Shared;

/// <summary>A service answered, but not with the status the test expects; the message carries the answer.</summary>
public sealed class UnexpectedResponseException : Exception
{
    public UnexpectedResponseException(string message)
        : base(message)
    {
    }
}
