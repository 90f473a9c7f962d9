using Sample.Jobs;

namespace Sample.Queue;

/// <summary>The queue message for one job: its id and everything the worker needs to run it.</summary>
internal sealed record JobMessage(Guid JobId, JobSpec Spec);
