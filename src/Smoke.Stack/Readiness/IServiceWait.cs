namespace Smoke.Stack.Readiness;

/// <summary>Waits for one service; <see cref="ReadinessRun"/> runs them all at once and blocks dependents of a failure.</summary>
internal interface IServiceWait
{
    string Service { get; }

    /// <summary>Known once the service's labels are; true until then.</summary>
    bool IsCritical { get; }

    /// <summary>What is waited on, for the display.</summary>
    string Probe { get; }

    /// <summary>Where the service can be reached, once known.</summary>
    ServiceEndpoint? Endpoint { get; }

    /// <summary>Ends with the service's result; throws <see cref="OperationCanceledException"/> when the token is cancelled.</summary>
    Task<ServiceReadiness> RunAsync(CancellationToken cancellationToken);
}
