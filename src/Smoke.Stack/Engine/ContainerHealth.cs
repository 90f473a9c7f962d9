namespace Smoke.Stack.Engine;

/// <summary>A HEALTHCHECK's state: <c>starting</c>, <c>healthy</c> or <c>unhealthy</c>, with the last probes.</summary>
public sealed record ContainerHealth(string Status, int FailingStreak, IReadOnlyList<HealthCheckResult>? Log);
