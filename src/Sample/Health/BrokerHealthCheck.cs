using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client.Exceptions;
using Sample.Queue;

namespace Sample.Health;

/// <summary>RabbitMQ accepts our connection (opening it when it is not open yet).</summary>
internal sealed class BrokerHealthCheck(BrokerConnection broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await broker.GetAsync(timeout.Token);
            return HealthCheckResult.Healthy($"connected to {broker.Settings.Host}:{broker.Settings.Port}");
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or OperationCanceledException or IOException)
        {
            var reason = e is OperationCanceledException ? "no answer within 5s" : e.Message;
            return HealthCheckResult.Unhealthy($"broker {broker.Settings.Host}:{broker.Settings.Port} unreachable: {reason}");
        }
    }
}
