using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sample.Configuration;

namespace Sample.Worker;

/// <summary>The worker is ready only while it consumes the jobs queue: a reachable broker alone does not run jobs.</summary>
internal sealed class ConsumerHealthCheck(JobConsumer consumer, SampleSettings settings) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(consumer.NotConsumingBecause is { } reason
            ? HealthCheckResult.Unhealthy($"not consuming {settings.Broker.Queue}: {reason}")
            : HealthCheckResult.Healthy($"consuming {settings.Broker.Queue}"));
}
