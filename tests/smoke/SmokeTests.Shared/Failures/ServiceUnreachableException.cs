namespace SmokeTests.Shared;

/// <summary>
/// A smoke test could not reach its service: the message names the service, the endpoint it tried and
/// why, so that a red test points at the service rather than at the test.
/// </summary>
public sealed class ServiceUnreachableException : Exception
{
    public ServiceUnreachableException(string service, string endpoint, Exception innerException)
        : base(
            $"cannot reach service \"{service}\" at {endpoint}: {innerException.GetBaseException().Message}. " +
            $"Is the stack up and {SmokeEndpoints.VariableName(service, "*")} pointing at its published port? " +
            "`./build.sh Smoke` starts the stack and waits until it is ready; see artifacts/smoke/diagnostics/ for its logs.",
            innerException)
    {
        Service = service;
        Endpoint = endpoint;
    }

    public string Service { get; }

    public string Endpoint { get; }
}
