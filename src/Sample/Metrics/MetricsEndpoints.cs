using System.Globalization;
using Npgsql;
using Sample.Jobs;

namespace Sample.Metrics;

/// <summary>Counts every request and serves /metrics; roles with a database also report jobs by state.</summary>
internal static class MetricsEndpoints
{
    public static IServiceCollection AddSampleMetrics(this IServiceCollection services) => services.AddSingleton<SampleMetrics>();

    public static void UseSampleMetrics(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<SampleMetrics>();
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            finally
            {
                // The route template, not the path, so that /api/jobs/{id} is one series, not one per job.
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText?.TrimEnd('/') ?? "unmatched";
                metrics.CountRequest(context.Request.Method, route, context.Response.StatusCode);
            }
        });

        app.MapGet("/metrics", WriteAsync);
    }

    private static async Task<IResult> WriteAsync(SampleMetrics metrics, IServiceProvider services, CancellationToken cancellationToken)
    {
        var text = new PrometheusText().Family("sample_http_requests_total", "counter", "HTTP requests handled, by method, route and status code.");
        foreach (var ((method, route, status), count) in metrics.Requests.OrderBy(pair => pair.Key))
        {
            text.Sample("sample_http_requests_total", count, ("method", method), ("route", route), ("status", status.ToString(CultureInfo.InvariantCulture)));
        }

        if (metrics.Processed.Count > 0)
        {
            text.Family("sample_jobs_processed_total", "counter", "Queue messages the worker finished, by outcome.");
            foreach (var (outcome, count) in metrics.Processed.OrderBy(pair => pair.Key))
            {
                text.Sample("sample_jobs_processed_total", count, ("outcome", outcome));
            }
        }

        if (services.GetService<JobStore>() is { } store)
        {
            try
            {
                var counts = await store.CountByStatusAsync(cancellationToken);
                text.Family("sample_jobs", "gauge", "Jobs in the database, by state.");
                foreach (var state in new[] { Job.Queued, Job.Running, Job.Completed, Job.Failed })
                {
                    text.Sample("sample_jobs", counts.GetValueOrDefault(state), ("state", state));
                }

                text.Family("sample_database_up", "gauge", "1 when the database answered the last scrape.").Sample("sample_database_up", 1);
            }
            catch (NpgsqlException)
            {
                text.Family("sample_database_up", "gauge", "1 when the database answered the last scrape.").Sample("sample_database_up", 0);
            }
        }

        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }
}
