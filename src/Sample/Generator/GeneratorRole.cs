using System.Text.Json;
using Sample.Health;
using Sample.Metrics;

namespace Sample.Generator;

/// <summary>
/// The generator role: a stub of an external image-generation API. POST /generate answers with fake
/// image references and records the call; GET /calls shows what it received; DELETE /calls forgets.
/// </summary>
internal static class GeneratorRole
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton<GeneratorCallLog>();
        services.AddHealthChecks();
        services.AddSampleMetrics();
    }

    public static void Map(WebApplication app)
    {
        app.UseSampleMetrics();
        app.MapSampleHealth();

        app.MapPost("/generate", (JsonElement body, GeneratorCallLog log) =>
        {
            log.Add(new GeneratorCall(DateTimeOffset.UtcNow, body.Clone()));
            var stage = body.TryGetProperty("stage", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : "txt2img";
            return Results.Ok(new GenerateResponse(stage, [$"generated://{stage}/{Guid.NewGuid():N}.png"]));
        });

        app.MapGet("/calls", (GeneratorCallLog log) => Results.Ok(log.All()));

        app.MapDelete("/calls", (GeneratorCallLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }
}
