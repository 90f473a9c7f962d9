namespace Smoke.Stack.Engine;

/// <summary>The engine did not answer at all: no socket, connection refused, or no reply in time.</summary>
public sealed class DockerEngineUnreachableException : Exception
{
    public DockerEngineUnreachableException(DockerEndpoint endpoint, string reason, Exception? innerException = null)
        : base($"cannot reach the Docker engine at {endpoint}: {reason}; is dockerd running?", innerException)
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    public DockerEndpoint Endpoint { get; }

    public string Reason { get; }
}
