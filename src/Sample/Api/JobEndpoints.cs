using System.Globalization;
using System.Text.Json;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using Sample.Configuration;
using Sample.Generator;
using Sample.Jobs;
using Sample.Queue;

namespace Sample.Api;

/// <summary>POST /api/jobs, GET /api/jobs/{id}, GET /api/jobs?page=&amp;pageSize=.</summary>
internal static class JobEndpoints
{
    public const string RunNow = "run_now";
    public const string Queued = "queue";
    private const int DefaultPageSize = 20;
    private const int MaxPageSize = 100;

    public static void MapJobEndpoints(this WebApplication app, Fault fault)
    {
        var jobs = app.MapGroup("/api/jobs")
            .AddEndpointFilter(new Http500FaultFilter(fault))
            .RequireRateLimiting(PerTokenRateLimit.Policy);
        jobs.MapPost("", CreateAsync).AddEndpointFilter(new ApiTokenFilter(TokenAccess.Write));
        jobs.MapGet("{id:guid}", FindAsync).AddEndpointFilter(new ApiTokenFilter(TokenAccess.Read));
        jobs.MapGet("", ListAsync).AddEndpointFilter(new ApiTokenFilter(TokenAccess.Read));
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, JobStore store, JobRunner runner, JobPublisher publisher, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        JobRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<JobRequest>(context.Request.Body, SampleJson.Messages, cancellationToken);
        }
        catch (JsonException e)
        {
            var field = e.Path is null or "$" ? "body" : e.Path.TrimStart('$', '.');
            return Invalid(new() { [field] = ["has the wrong type or is not valid JSON"] });
        }

        if (request is null)
        {
            return Invalid(new() { ["body"] = ["is required: a JSON object with prompt, width, height, steps and mode"] });
        }

        if (JobValidation.Validate(request, out var errors) is not { } spec)
        {
            return Invalid(errors);
        }

        var logger = loggers.CreateLogger("Sample.Api.Jobs");
        var id = Guid.NewGuid();
        if (spec.Mode == JobSpec.Queue)
        {
            var queued = await store.InsertAsync(id, spec, Queued, cancellationToken);
            try
            {
                await publisher.PublishAsync(new JobMessage(id, spec), attempt: 1, cancellationToken);
            }
            catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException)
            {
                await store.RecordFailureAsync(id, $"could not be queued: {e.Message}", final: true, cancellationToken);
                logger.LogError("job {JobId} could not be queued: {Reason}", id, e.Message);
                return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Queue unavailable",
                    detail: $"Job {id} was stored but could not be queued ({e.Message}); retry later.");
            }

            logger.LogInformation("job {JobId} queued ({Stages} stages, pack {PackId})", id, spec.Stages.Count, spec.PackId ?? "none");
            return Resource(context, queued, StatusCodes.Status202Accepted);
        }

        await store.InsertAsync(id, spec, RunNow, cancellationToken);
        IReadOnlyList<string> outputs;
        try
        {
            outputs = await runner.RunAsync(id, spec, cancellationToken);
        }
        catch (Exception e) when (e is GeneratorFailedException or HttpRequestException or TaskCanceledException)
        {
            await store.RecordFailureAsync(id, e.Message, final: true, cancellationToken);
            logger.LogError("job {JobId} failed: {Reason}", id, e.Message);
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Generator failed",
                detail: $"Job {id} failed: {e.Message}");
        }

        var completed = await store.CompleteAsync(id, spec, outputs, cancellationToken);
        logger.LogInformation("job {JobId} completed directly with {Outputs} images", id, outputs.Count);
        return Resource(context, completed!, StatusCodes.Status201Created);
    }

    private static async Task<IResult> FindAsync(Guid id, JobStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } job
            ? Results.Json(job, SampleJson.Resources)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Job not found", detail: $"No job has the id {id}.");

    private static async Task<IResult> ListAsync(string? page, string? pageSize, JobStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageNumber = PositiveNumber(page, 1, int.MaxValue, "page", errors);
        var size = PositiveNumber(pageSize, DefaultPageSize, MaxPageSize, "pageSize", errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        return Results.Json(await store.ListAsync(pageNumber, size, cancellationToken), SampleJson.Resources);
    }

    private static int PositiveNumber(string? text, int fallback, int max, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors[field] = [$"must be a whole number between 1 and {max}"];
        return fallback;
    }

    private static IResult Resource(HttpContext context, Job job, int status)
    {
        context.Response.Headers.Location = $"/api/jobs/{job.Id}";
        return Results.Json(job, SampleJson.Resources, statusCode: status);
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(
            errors,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "The job request is invalid",
            detail: $"Fix {string.Join(", ", errors.Keys.Order(StringComparer.Ordinal))} and send it again.");
}
