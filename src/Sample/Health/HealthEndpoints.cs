using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sample.Health;

/// <summary>/healthz/live (the process answers), /healthz/ready (dependencies reachable), /healthz/database (pool statistics).</summary>
internal static class HealthEndpoints
{
    public const string ReadyTag = "ready";
    public const string DatabaseTag = "database";

    public static void MapSampleHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", Options(_ => false));
        app.MapHealthChecks("/healthz/ready", Options(check => check.Tags.Contains(ReadyTag)));
        app.MapHealthChecks("/healthz/database", Options(check => check.Tags.Contains(DatabaseTag)));
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthJsonWriter.WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
