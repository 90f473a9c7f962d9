using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace SmokeTests.Services;

public sealed class ErrorResponseTests
{
    /// <summary>
    /// Jobs are refused without a token or with an unknown one: 401, a problem document and a Bearer
    /// challenge. A failure means the jobs API is open to anyone: the release must not ship.
    /// </summary>
    [SmokeTheory(Level = 3, Critical = true, Category = "security")]
    [InlineData(null)]
    [InlineData("not-a-token-the-api-knows")]
    public async Task Requests_without_a_known_token_are_unauthorized(string? token)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = PlatformApi.WithToken(token);

        using var response = await api.GetAsync("api/jobs", timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.Unauthorized, timeout.Token);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        await AssertProblemAsync(response, 401, timeout.Token);
    }

    /// <summary>
    /// The read-only token may not create jobs: 403 with a problem document, and no job is stored. A
    /// failure means read-only credentials (dashboards, support tools) can start paid work.
    /// </summary>
    [SmokeFact(Level = 3, Critical = true, Category = "security")]
    public async Task The_read_only_token_cannot_create_jobs()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = PlatformApi.ReadOnly();
        var job = JobRequest.Smallest("direct", "forbidden");

        using var response = await api.PostAsJsonAsync("api/jobs", job, timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.Forbidden, timeout.Token);
        await AssertProblemAsync(response, 403, timeout.Token);
        var newest = await api.GetFromJsonAsync<JobPageResource>("api/jobs?pageSize=100", PlatformJson.Resources, timeout.Token);
        Assert.DoesNotContain(newest!.Items, stored => stored.Prompt == job.Prompt);
    }

    /// <summary>
    /// Asking for a job that does not exist is 404 with a problem document naming the id. A failure
    /// means clients cannot tell a missing job from a broken api.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "errors")]
    public async Task An_unknown_job_is_not_found()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = PlatformApi.ReadOnly();
        var id = Guid.NewGuid();

        using var response = await api.GetAsync($"api/jobs/{id}", timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.NotFound, timeout.Token);
        var problem = await AssertProblemAsync(response, 404, timeout.Token);
        Assert.Contains(id.ToString(), problem.Detail, StringComparison.Ordinal);
    }

    /// <summary>
    /// An invalid job is refused with 422 and a problem document whose errors name the offending field.
    /// A failure means clients get no usable answer to a bad request, or invalid jobs reach the generator.
    /// </summary>
    [SmokeTheory(Level = 3, Critical = false, Category = "errors")]
    [InlineData("""{"width": 64, "height": 64, "steps": 1}""", "prompt")]
    [InlineData("""{"prompt": "p", "width": 63, "height": 64, "steps": 1}""", "width")]
    [InlineData("""{"prompt": "p", "width": 64, "height": 64, "steps": 0}""", "steps")]
    [InlineData("""{"prompt": "p", "width": 64, "height": 64, "steps": 1, "mode": "later"}""", "mode")]
    [InlineData("""{"prompt": "p", "width": 64, "height": 64, "steps": 1, "stages": ["upscale"]}""", "stages")]
    public async Task An_invalid_job_is_unprocessable_and_names_the_field(string body, string field)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var api = PlatformApi.ReadWrite();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await api.PostAsync("api/jobs", content, timeout.Token);

        await response.ExpectStatusAsync(HttpStatusCode.UnprocessableEntity, timeout.Token);
        var problem = await AssertProblemAsync(response, 422, timeout.Token);
        Assert.True(problem.Errors?.ContainsKey(field) == true,
            $"the 422 names {string.Join(", ", problem.Errors?.Keys ?? [])}, not \"{field}\".");
    }

    /// <summary>
    /// A token that exceeds its per-minute quota is answered 429 with a problem document and a
    /// Retry-After header. A failure means one runaway client can starve everyone else. The test
    /// spends the quota of a token of its own, so other callers are not throttled.
    /// </summary>
    [SmokeFact(Level = 3, Critical = false, Category = "security")]
    public async Task A_token_over_its_quota_is_throttled()
    {
        const int parallel = 25;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var limit = int.Parse(SmokeVariables.Optional("SAMPLE_RATE_LIMIT_PER_MINUTE") ?? "600", CultureInfo.InvariantCulture);
        using var api = PlatformApi.WithToken($"smoke-quota-{SmokeRun.Id}-{Guid.NewGuid():N}");

        // The window is fixed: if it rolls over part-way, the second window's quota is spent too.
        HttpResponseMessage? throttled = null;
        for (var sent = 0; throttled is null && sent <= 2 * limit; sent += parallel)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => api.GetAsync("api/jobs", timeout.Token)));
            throttled = responses.FirstOrDefault(response => response.StatusCode == HttpStatusCode.TooManyRequests);
            foreach (var response in responses.Where(response => response != throttled))
            {
                response.Dispose();
            }
        }

        Assert.True(throttled is not null, $"no 429 after {2 * limit} requests with one token; SAMPLE_RATE_LIMIT_PER_MINUTE is {limit}.");
        using (throttled)
        {
            Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero, "the 429 has no Retry-After header in seconds.");
            await AssertProblemAsync(throttled, 429, timeout.Token);
        }
    }

    private static async Task<ProblemResponse> AssertProblemAsync(HttpResponseMessage response, int status, CancellationToken cancellationToken)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemResponse>(cancellationToken);
        Assert.NotNull(problem);
        Assert.Equal(status, problem.Status);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title), "the problem document has no title.");
        return problem;
    }
}
