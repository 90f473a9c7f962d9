namespace SmokeTests.Services;

/// <summary>One page of GET /api/jobs, newest first (snake_case on the wire).</summary>
internal sealed record JobPageResource(IReadOnlyList<JobResource> Items, int Page, int PageSize, long Total);
