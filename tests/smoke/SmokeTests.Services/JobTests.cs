using System.Net;
using System.Net.Http.Json;

namespace SmokeTests.Services;

public sealed class JobTests
{
    private const int PageSize = 2;

    /// <summary>
    /// A job created with the read-write token is answered 201 with its location, and reading that
    /// location, even with the read-only token, returns the same job. A failure means the platform's
    /// main feature is broken: the release must not ship.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "jobs")]
    public async Task A_created_job_can_be_read_back()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var writer = PlatformApi.ReadWrite();
        using var reader = PlatformApi.ReadOnly();
        var request = JobRequest.Smallest("direct", "create-read");

        using var created = await writer.PostAsJsonAsync("api/jobs", request, timeout.Token);
        await created.ExpectStatusAsync(HttpStatusCode.Created, timeout.Token);
        var job = await created.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, timeout.Token);

        Assert.NotNull(created.Headers.Location);
        var read = await reader.GetFromJsonAsync<JobResource>(created.Headers.Location.ToString().TrimStart('/'), PlatformJson.Resources, timeout.Token);
        Assert.Equal(job!.Id, read!.Id);
        Assert.Equal(request.Prompt, read.Prompt);
        Assert.Equal((request.Width, request.Height, request.Steps), (read.Width, read.Height, read.Steps));
        Assert.Equal("completed", read.Status);
    }

    /// <summary>
    /// GET /api/jobs pages through jobs newest first with the page size asked for and a total, and the
    /// newest jobs are on the first pages. A failure means job lists in clients are wrong or incomplete.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "jobs")]
    public async Task Jobs_can_be_paged_through_newest_first()
    {
        const int maxPages = 20;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var api = PlatformApi.ReadWrite();
        var mine = new HashSet<Guid>();
        for (var i = 0; i < PageSize + 1; i++)
        {
            using var created = await api.PostAsJsonAsync("api/jobs", JobRequest.Smallest("direct", "paging"), timeout.Token);
            await created.ExpectStatusAsync(HttpStatusCode.Created, timeout.Token);
            mine.Add((await created.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, timeout.Token))!.Id);
        }

        // Other runs may add jobs meanwhile, pushing ours down a page; the walk tolerates that, up to a point.
        var unseen = new HashSet<Guid>(mine);
        JobPageResource? page = null;
        for (var number = 1; unseen.Count > 0 && number <= maxPages; number++)
        {
            page = await api.GetFromJsonAsync<JobPageResource>($"api/jobs?page={number}&pageSize={PageSize}", PlatformJson.Resources, timeout.Token);
            Assert.Equal((number, PageSize), (page!.Page, page.PageSize));
            Assert.InRange(page.Items.Count, 1, PageSize);
            Assert.Equal(page.Items.OrderByDescending(job => job.CreatedAt).Select(job => job.Id), page.Items.Select(job => job.Id));
            unseen.ExceptWith(page.Items.Select(job => job.Id));
        }

        Assert.True(unseen.Count == 0, $"{unseen.Count} of the {mine.Count} jobs just created are not on the first {maxPages} pages.");
        Assert.True(page!.Total >= mine.Count, $"the total is {page.Total}, fewer than the {mine.Count} jobs just created.");
        var beyond = await api.GetFromJsonAsync<JobPageResource>($"api/jobs?page={page.Total + 1}&pageSize={PageSize}", PlatformJson.Resources, timeout.Token);
        Assert.Empty(beyond!.Items);
    }

    /// <summary>
    /// Concurrent creates and reads all succeed and every created job gets its own id. A failure means
    /// the api breaks under modest load: lost jobs, duplicate ids, or pool exhaustion.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "jobs")]
    public async Task Concurrent_requests_all_succeed()
    {
        const int creates = 8;
        const int reads = 16;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = PlatformApi.ReadWrite();

        var creating = Enumerable.Range(0, creates).Select(async _ =>
        {
            using var response = await api.PostAsJsonAsync("api/jobs", JobRequest.Smallest("direct", "concurrent"), timeout.Token);
            await response.ExpectStatusAsync(HttpStatusCode.Created, timeout.Token);
            return (await response.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, timeout.Token))!.Id;
        }).ToList();
        var reading = Enumerable.Range(0, reads).Select(async _ =>
        {
            using var response = await api.GetAsync("api/jobs?pageSize=5", timeout.Token);
            await response.ExpectStatusAsync(HttpStatusCode.OK, timeout.Token);
        }).ToList();
        var ids = await Task.WhenAll(creating);
        await Task.WhenAll(reading);

        Assert.Equal(creates, ids.Distinct().Count());
        await Task.WhenAll(ids.Select(async id =>
        {
            using var response = await api.GetAsync($"api/jobs/{id}", timeout.Token);
            await response.ExpectStatusAsync(HttpStatusCode.OK, timeout.Token);
        }));
    }
}
