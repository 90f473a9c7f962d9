using Sample.Jobs;
using Sample.Queue;

namespace Sample.Worker;

/// <summary>The worker's work for one message: run the stages, then complete the record as a queue job.</summary>
internal sealed class JobProcessor(JobRunner runner, JobStore store)
{
    public async Task<Job> ProcessAsync(JobMessage message, CancellationToken cancellationToken)
    {
        var spec = message.Spec with { Mode = JobSpec.Queue };
        var outputs = await runner.RunAsync(message.JobId, spec, cancellationToken);
        return await store.CompleteAsync(message.JobId, spec, outputs, cancellationToken)
            ?? throw new InvalidOperationException($"job {message.JobId} is not in the database; was it queued against another database?");
    }
}
