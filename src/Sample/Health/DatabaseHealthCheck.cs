using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Sample.Health;

/// <summary>The database answers a query; the data carries the connection pool's statistics.</summary>
internal sealed class DatabaseHealthCheck(NpgsqlDataSource database, ConnectionPoolStatistics pool) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("query answered", pool.Snapshot());
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            var reason = e is OperationCanceledException ? "no answer within 5s" : e.Message;
            return HealthCheckResult.Unhealthy($"database unreachable: {reason}", data: pool.Snapshot());
        }
    }
}
