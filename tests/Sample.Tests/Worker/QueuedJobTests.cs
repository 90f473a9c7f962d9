using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Sample.Tests.Platform;

namespace Sample.Tests.Worker;

/// <summary>The queue path end to end: the api publishes to a real RabbitMQ, the worker role consumes it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class QueuedJobTests(PlatformServices platform) : IAsyncLifetime
{
    private readonly GeneratorStub generator = new();
    private readonly string queue = $"test.jobs.{Guid.NewGuid():N}";
    private string database = "";

    private string DeadLetterQueue => queue + ".dead-letter";

    public async Task InitializeAsync() => database = await platform.CreateDatabaseAsync();

    public async Task DisposeAsync() => await generator.DisposeAsync();

    [Fact]
    public async Task A_queued_job_with_a_pack_id_is_completed_by_the_worker()
    {
        await using var api = new SampleFactory(platform.SettingsFor("api", database, queue), generator.CreateHandler);
        await using var worker = StartWorker(generator.CreateHandler);
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("queue", packId: "pack-7", stages: ["txt2img", "upscale"]));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;

        var job = await Eventually.HoldsAsync(
            () => client.GetJobAsync(id), j => j.GetProperty("status").GetString() != "queued", $"job {id} leaving the queue");

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("queue", job.GetProperty("run_mode").GetString());
        Assert.Equal("pack", job.GetProperty("prompt_source").GetString());
        Assert.Equal("pack-7", job.GetProperty("prompt_pack_id").GetString());
        Assert.Equal(2, job.GetProperty("stage_count").GetInt32());
        Assert.True(job.GetProperty("has_upscale").GetBoolean());
        Assert.Equal(JsonValueKind.String, job.GetProperty("completed_at").ValueKind);

        var calls = await generator.CallsAsync();
        Assert.Equal(["txt2img", "upscale"], calls.Select(call => call.GetProperty("stage").GetString()));
        Assert.Equal(job.GetProperty("outputs")[0].GetString(), calls[1].GetProperty("inputs")[0].GetString());
    }

    [Fact]
    public async Task A_job_without_a_pack_is_recorded_as_a_manual_prompt()
    {
        await using var api = new SampleFactory(platform.SettingsFor("api", database, queue), generator.CreateHandler);
        await using var worker = StartWorker(generator.CreateHandler);
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("queue"));
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;
        var job = await Eventually.HoldsAsync(
            () => client.GetJobAsync(id), j => j.GetProperty("status").GetString() == "completed", $"job {id} completing");

        Assert.Equal("manual", job.GetProperty("prompt_source").GetString());
        Assert.Equal(JsonValueKind.Null, job.GetProperty("prompt_pack_id").ValueKind);
        Assert.Equal(1, job.GetProperty("stage_count").GetInt32());
        Assert.False(job.GetProperty("has_upscale").GetBoolean());
    }

    [Fact]
    public async Task A_job_that_keeps_failing_is_retried_a_bounded_number_of_times_then_dead_lettered()
    {
        var failing = new FailingGenerator();
        await using var api = new SampleFactory(platform.SettingsFor("api", database, queue), failing.CreateHandler);
        await using var worker = StartWorker(failing.CreateHandler);
        await using var broker = await TestBroker.ConnectAsync(platform);
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("queue"));
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;
        var job = await Eventually.HoldsAsync(
            () => client.GetJobAsync(id), j => j.GetProperty("status").GetString() == "failed", $"job {id} failing for good");
        var deadLetter = await Eventually.HoldsAsync(() => broker.TakeAsync(DeadLetterQueue), body => body is not null, "a dead letter");

        Assert.Equal(3, failing.Calls);
        Assert.Equal(3, job.GetProperty("attempts").GetInt32());
        Assert.StartsWith("dead-lettered after 3 attempts", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(id, JsonDocument.Parse(deadLetter!).RootElement.GetProperty("jobId").GetString());
        Assert.Equal(0u, await broker.CountAsync(queue));
    }

    [Fact]
    public async Task An_unreadable_message_is_dead_lettered_at_once_without_calling_the_generator()
    {
        await using var broker = await TestBroker.ConnectAsync(platform);
        await broker.DeclareAsync(queue);
        await using var worker = StartWorker(generator.CreateHandler);

        await broker.PublishAsync(queue, Encoding.UTF8.GetBytes("this is not a job"));
        var deadLetter = await Eventually.HoldsAsync(() => broker.TakeAsync(DeadLetterQueue), body => body is not null, "a dead letter");

        Assert.Equal("this is not a job", Encoding.UTF8.GetString(deadLetter!));
        Assert.Empty(await generator.CallsAsync());
    }

    [Fact]
    public async Task A_worker_with_break_queue_dead_letters_jobs_without_running_them()
    {
        await using var api = new SampleFactory(platform.SettingsFor("api", database, queue), generator.CreateHandler);
        await using var worker = StartWorker(generator.CreateHandler, fault: "break-queue");
        await using var broker = await TestBroker.ConnectAsync(platform);
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("queue"));
        var id = (await response.JsonAsync()).GetProperty("id").GetString()!;
        await Eventually.HoldsAsync(() => broker.TakeAsync(DeadLetterQueue), body => body is not null, "a dead letter");

        Assert.Equal("queued", (await client.GetJobAsync(id)).GetProperty("status").GetString());
        Assert.Empty(await generator.CallsAsync());
    }

    [Fact]
    public async Task The_worker_is_ready_once_it_consumes_the_jobs_queue()
    {
        await using var worker = StartWorker(generator.CreateHandler);
        using var client = worker.CreateClient();

        var consumer = await Eventually.HoldsAsync(
            async () => (await (await client.GetAsync("/healthz/ready")).JsonAsync()).GetProperty("entries").GetProperty("consumer"),
            entry => entry.GetProperty("status").GetString() == "Healthy",
            "the worker's consumer entry turning healthy");

        Assert.Equal($"consuming {queue}", consumer.GetProperty("description").GetString());
        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task The_worker_is_not_ready_while_it_cannot_consume_and_says_why()
    {
        var settings = platform.SettingsFor("worker", database, queue);
        settings["RABBITMQ_PORT"] = "1";
        await using var worker = new SampleFactory(settings, generator.CreateHandler);
        using var client = worker.CreateClient();

        var consumer = await Eventually.HoldsAsync(
            async () => (await (await client.GetAsync("/healthz/ready")).JsonAsync()).GetProperty("entries").GetProperty("consumer"),
            entry => entry.GetProperty("description").GetString() != "not consuming " + queue + ": not started yet",
            "the worker's first attempt to consume");

        using var ready = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", consumer.GetProperty("status").GetString());
        Assert.StartsWith($"not consuming {queue}: ", consumer.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }

    private SampleFactory StartWorker(Func<HttpMessageHandler> generatorHandler, string fault = "")
    {
        var settings = platform.SettingsFor("worker", database, queue);
        settings["SAMPLE_FAULT"] = fault;
        var worker = new SampleFactory(settings, generatorHandler);
        // Resolving a service starts the host, and with it the queue consumer.
        _ = worker.Services.GetRequiredService<IServiceProvider>();
        return worker;
    }
}
