namespace Smoke.Stack.Installation;

/// <summary>No engine answers and this machine cannot (or may not) get one by itself; the message says what to do.</summary>
public sealed class DockerEngineUnavailableException : Exception
{
    public DockerEngineUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
