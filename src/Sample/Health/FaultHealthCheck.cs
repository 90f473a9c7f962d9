using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sample.Configuration;

namespace Sample.Health;

/// <summary>Makes readiness lie the way SAMPLE_FAULT asks: never ready, or not ready until the slow start is over.</summary>
internal sealed class FaultHealthCheck(Fault fault, TimeProvider time) : IHealthCheck
{
    private readonly DateTimeOffset readyAt = time.GetUtcNow() + fault.StartupDelay;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var remaining = readyAt - time.GetUtcNow();
        var result = fault.Kind switch
        {
            FaultKind.ReadyNever => HealthCheckResult.Unhealthy("SAMPLE_FAULT=ready-never: this release never becomes ready"),
            FaultKind.SlowStart when remaining > TimeSpan.Zero =>
                HealthCheckResult.Unhealthy($"SAMPLE_FAULT={fault}: still starting, ready in {Math.Ceiling(remaining.TotalSeconds)}s"),
            _ => HealthCheckResult.Healthy("started"),
        };
        return Task.FromResult(result);
    }
}
