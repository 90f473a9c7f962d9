using Sample.Api;
using Sample.Configuration;
using Sample.Generator;
using Sample.Migrations;
using Sample.Worker;

namespace Sample;

/// <summary>Builds and runs the role chosen by SAMPLE_ROLE.</summary>
internal static class SampleApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });
        // Healthchecks poll every few seconds: per-request framework logs would drown the app's own lines.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);

        SampleSettings settings;
        try
        {
            settings = SampleSettings.From(builder.Configuration);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync($"sample: {e.Message}");
            return 2;
        }

        if (settings.Role == SampleRole.Migrate)
        {
            using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(options => options.SingleLine = true));
            return await MigrateRole.RunAsync(settings, loggerFactory.CreateLogger("Sample.Migrate"), CancellationToken.None);
        }

        if (settings.Role == SampleRole.Api && settings.Fault.Kind == FaultKind.CrashOnStart)
        {
            await Console.Error.WriteLineAsync("sample api: SAMPLE_FAULT=crash-on-start, exiting with code 1 as this release was built to do");
            return 1;
        }

        WebApplication app;
        switch (settings.Role)
        {
            case SampleRole.Api:
                ApiRole.AddServices(builder.Services, settings);
                app = builder.Build();
                ApiRole.Map(app);
                break;
            case SampleRole.Worker:
                WorkerRole.AddServices(builder.Services, settings);
                app = builder.Build();
                WorkerRole.Map(app);
                break;
            default:
                GeneratorRole.AddServices(builder.Services);
                app = builder.Build();
                GeneratorRole.Map(app);
                break;
        }

        app.Logger.LogInformation("sample {Role} starting (fault: {Fault})", settings.Role.ToString().ToLowerInvariant(), settings.Fault);
        await app.RunAsync();
        return 0;
    }
}
