using Npgsql;
using Sample.Configuration;
using Sample.Generator;
using Sample.Health;
using Sample.Jobs;
using Sample.Queue;

namespace Sample;

/// <summary>The services the api and the worker share: database, broker, generator client, readiness checks.</summary>
internal static class SampleServices
{
    public static IServiceCollection AddSampleDependencies(this IServiceCollection services, SampleSettings settings)
    {
        // A pool name of our own lets /healthz/database pick this pool's numbers out of Npgsql's metrics.
        var poolName = $"sample-{settings.Role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}";
        services.AddSingleton(settings);
        services.AddSingleton(settings.Fault);
        services.AddSingleton(new ConnectionPoolStatistics(poolName));
        services.AddSingleton(provider => new NpgsqlDataSourceBuilder(settings.DatabaseConnectionString) { Name = poolName }
            .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddSingleton<JobStore>();
        services.AddSingleton(new BrokerConnection(settings.Broker, $"sample-{settings.Role.ToString().ToLowerInvariant()}"));
        services.AddSingleton<JobPublisher>();
        services.AddHttpClient<GeneratorClient>(http =>
        {
            http.BaseAddress = settings.GeneratorUrl;
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        services.AddTransient<JobRunner>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag, HealthEndpoints.DatabaseTag])
            .AddCheck<BrokerHealthCheck>("broker", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
