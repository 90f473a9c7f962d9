using Sample.Configuration;
using Sample.Health;
using Sample.Metrics;

namespace Sample.Api;

/// <summary>The api role: health, metrics and the jobs API behind bearer tokens.</summary>
internal static class ApiRole
{
    public static void AddServices(IServiceCollection services, SampleSettings settings)
    {
        services.AddSampleDependencies(settings);
        services.AddSingleton<ApiTokens>();
        services.AddPerTokenRateLimit(settings);
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddSampleMetrics();
        // One instance made now: health checks are otherwise created per run, and slow-start counts from process start.
        services.AddSingleton(new FaultHealthCheck(settings.Fault, TimeProvider.System));
        services.AddHealthChecks().AddCheck<FaultHealthCheck>("startup", tags: [HealthEndpoints.ReadyTag]);
    }

    public static void Map(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseSampleMetrics();
        app.UseRateLimiter();
        app.MapSampleHealth();
        app.MapJobEndpoints(app.Services.GetRequiredService<Fault>());
    }
}
