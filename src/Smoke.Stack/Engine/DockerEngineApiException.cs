using System.Net;

namespace Smoke.Stack.Engine;

/// <summary>The engine answered, but refused or failed the request (or a build/pull stream reported an error).</summary>
public sealed class DockerEngineApiException : Exception
{
    public DockerEngineApiException(string operation, HttpStatusCode? statusCode, string engineMessage)
        : base(statusCode is { } code
            ? $"Docker engine refused {operation}: {(int)code} {engineMessage.Trim()}"
            : $"{operation} failed in the Docker engine: {engineMessage.Trim()}")
    {
        Operation = operation;
        StatusCode = statusCode;
        EngineMessage = engineMessage.Trim();
    }

    /// <summary>Method and path, e.g. <c>GET /containers/abc/json</c>, or what a stream was doing.</summary>
    public string Operation { get; }

    /// <summary>Null when the error came inside a 200 stream (build, pull, import).</summary>
    public HttpStatusCode? StatusCode { get; }

    public string EngineMessage { get; }

    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}
