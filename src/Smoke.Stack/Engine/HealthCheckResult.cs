namespace Smoke.Stack.Engine;

/// <summary>One run of a HEALTHCHECK probe.</summary>
public sealed record HealthCheckResult(DateTimeOffset Start, DateTimeOffset End, int ExitCode, string Output);
