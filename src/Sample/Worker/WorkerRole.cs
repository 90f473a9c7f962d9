using Sample.Configuration;
using Sample.Health;
using Sample.Metrics;

namespace Sample.Worker;

/// <summary>The worker role: consumes the jobs queue; serves only health and metrics over HTTP.</summary>
internal static class WorkerRole
{
    public static void AddServices(IServiceCollection services, SampleSettings settings)
    {
        services.AddSampleDependencies(settings);
        services.AddSampleMetrics();
        services.AddTransient<JobProcessor>();
        services.AddSingleton<JobConsumer>();
        services.AddHostedService(provider => provider.GetRequiredService<JobConsumer>());
        services.AddHealthChecks().AddCheck<ConsumerHealthCheck>("consumer", tags: [HealthEndpoints.ReadyTag]);
    }

    public static void Map(WebApplication app)
    {
        app.UseSampleMetrics();
        app.MapSampleHealth();
    }
}
