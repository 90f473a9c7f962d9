using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sample.Health;

/// <summary>Writes a health report in the usual ASP.NET Core health-check JSON shape: status, totalDuration, entries.</summary>
internal static class HealthJsonWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString(),
            totalDuration = report.TotalDuration.ToString(),
            entries = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    description = entry.Value.Description,
                    duration = entry.Value.Duration.ToString(),
                    data = entry.Value.Data,
                    tags = entry.Value.Tags,
                }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
