namespace Sample.Jobs;

/// <summary>One page of GET /api/jobs, newest first, with the total across all pages.</summary>
internal sealed record JobPage(IReadOnlyList<Job> Items, int Page, int PageSize, long Total);
