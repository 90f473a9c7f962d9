using System.Net;
using System.Net.Http.Json;

namespace SmokeTests.EndToEnd;

public sealed class JobFlowTests
{
    private static readonly TimeSpan WorkerPatience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A run-now job goes from the api to the generator and back within the request: it is stored
    /// completed with run_mode=direct, source=run_now and its output, and the generator received
    /// exactly the prompt, size and steps asked for. A failure means "generate now" is broken for users.
    /// </summary>
    [SmokeFact(Level = 4, Critical = true, Category = "jobs")]
    public async Task A_run_now_job_completes_within_the_request_and_records_its_history()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var api = PlatformApi.ReadWrite();
        var request = JobRequest.Smallest("direct", "run-now");

        using var response = await api.PostAsJsonAsync("api/jobs", request, timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.Created, timeout.Token);
        var created = await response.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, timeout.Token);
        var job = await api.GetFromJsonAsync<JobResource>($"api/jobs/{created!.Id}", PlatformJson.Resources, timeout.Token);
        Assert.NotNull(job);
        Assert.Equal(("completed", "direct", "run_now"), (job.Status, job.RunMode, job.Source));
        Assert.Equal(("manual", null, 1, false), (job.PromptSource, job.PromptPackId, job.StageCount, job.HasUpscale));
        Assert.Equal((1, null), (job.Attempts, job.Error));
        Assert.True(job.CompletedAt >= job.CreatedAt, $"completed_at {job.CompletedAt:O} is missing or before created_at {job.CreatedAt:O}.");
        Assert.StartsWith("generated://txt2img/", Assert.Single(job.Outputs), StringComparison.Ordinal);

        var call = Assert.Single(await GeneratorStub.CallsForAsync(job.Id, timeout.Token));
        Assert.Equal(("txt2img", request.Prompt), (call.Stage, call.Prompt));
        Assert.Equal((request.Width, request.Height, request.Steps), (call.Width, call.Height, call.Steps));
        Assert.Empty(call.Inputs);
    }

    /// <summary>
    /// A queued job from a prompt pack, with an upscale stage, is accepted at once (202), processed by
    /// the worker through both generator stages in order (the upscale fed the first image), and stored
    /// with run_mode=queue, prompt_source=pack, its pack id, two stages and has_upscale. A failure means
    /// batch generation is broken: queued jobs are lost, stuck, or recorded wrongly.
    /// </summary>
    [SmokeFact(Level = 4, Critical = true, Category = "jobs")]
    public async Task A_queued_pack_job_is_run_by_the_worker_through_every_stage()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = PlatformApi.ReadWrite();
        var packId = $"smoke-pack-{SmokeRun.Id}";
        var request = JobRequest.Smallest("queue", "queued-pack") with { PackId = packId, Stages = ["txt2img", "upscale"] };

        using var response = await api.PostAsJsonAsync("api/jobs", request, timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.Accepted, timeout.Token);
        var accepted = await response.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, timeout.Token);
        Assert.Equal(("queued", "queue", "queue"), (accepted!.Status, accepted.RunMode, accepted.Source));

        var job = await JobPolling.UntilFinishedAsync(api, accepted.Id, WorkerPatience, timeout.Token);
        Assert.True(job.Status == "completed", $"the worker failed job {job.Id} after {job.Attempts} attempts: {job.Error}");
        Assert.Equal(("queue", "queue"), (job.RunMode, job.Source));
        Assert.Equal(("pack", packId, 2, true), (job.PromptSource, job.PromptPackId, job.StageCount, job.HasUpscale));
        Assert.Equal((1, null), (job.Attempts, job.Error));
        Assert.True(job.CompletedAt >= job.CreatedAt, $"completed_at {job.CompletedAt:O} is missing or before created_at {job.CreatedAt:O}.");
        Assert.Collection(job.Outputs,
            image => Assert.StartsWith("generated://txt2img/", image, StringComparison.Ordinal),
            image => Assert.StartsWith("generated://upscale/", image, StringComparison.Ordinal));

        var calls = await GeneratorStub.CallsForAsync(job.Id, timeout.Token);
        Assert.Equal(["txt2img", "upscale"], calls.Select(call => call.Stage));
        Assert.All(calls, call => Assert.Equal((request.Prompt, request.Width, request.Height, request.Steps), (call.Prompt, call.Width, call.Height, call.Steps)));
        Assert.Empty(calls[0].Inputs);
        Assert.Equal([job.Outputs[0]], calls[1].Inputs);
    }

    /// <summary>
    /// A queued job typed in by hand (no pack, one stage) is stored with prompt_source=manual, no pack
    /// id and no upscale. A failure means reports that split manual from pack usage are wrong.
    /// </summary>
    [SmokeFact(Level = 4, Critical = false, Category = "jobs")]
    public async Task A_queued_manual_job_is_recorded_as_manual()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = PlatformApi.ReadWrite();

        using var response = await api.PostAsJsonAsync("api/jobs", JobRequest.Smallest("queue", "queued-manual"), timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.Accepted, timeout.Token);
        var accepted = await response.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, timeout.Token);
        var job = await JobPolling.UntilFinishedAsync(api, accepted!.Id, WorkerPatience, timeout.Token);
        Assert.Equal(("completed", "queue"), (job.Status, job.RunMode));
        Assert.Equal(("manual", null, 1, false), (job.PromptSource, job.PromptPackId, job.StageCount, job.HasUpscale));
        Assert.Equal("txt2img", Assert.Single(await GeneratorStub.CallsForAsync(job.Id, timeout.Token)).Stage);
    }
}
