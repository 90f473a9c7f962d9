using System.Diagnostics;
using System.Net.Http.Json;

namespace SmokeTests.Services;

public sealed class ResponseTimeTests
{
    private const int Samples = 5;

    /// <summary>
    /// Each endpoint answers within its budget (the median of five calls after a warm-up). Budgets are
    /// generous, far above normal, so a failure is not noise: the release has a severe regression or
    /// a dependency is struggling.
    /// </summary>
    [SmokeTheory(Level = 3, Critical = false, Category = "performance")]
    [InlineData("GET", "healthz/live", 1000)]
    [InlineData("GET", "healthz/ready", 3000)]
    [InlineData("GET", "metrics", 3000)]
    [InlineData("GET", "api/jobs?pageSize=20", 3000)]
    [InlineData("POST", "api/jobs", 5000)]
    public async Task Endpoint_answers_within_its_budget(string method, string path, int budgetMilliseconds)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var api = PlatformApi.ReadWrite();

        // The first call pays for connection set-up and the server's warm-up; it is not timed.
        await CallAsync(api, method, path, timeout.Token);
        var timings = new List<TimeSpan>();
        for (var i = 0; i < Samples; i++)
        {
            timings.Add(await CallAsync(api, method, path, timeout.Token));
        }

        var median = timings.Order().ElementAt(Samples / 2);
        Assert.True(median.TotalMilliseconds <= budgetMilliseconds,
            $"{method} /{path} took {median.TotalMilliseconds:F0} ms (median of {Samples}; all: {string.Join(", ", timings.Select(t => $"{t.TotalMilliseconds:F0}"))}), over its {budgetMilliseconds} ms budget.");
    }

    private static async Task<TimeSpan> CallAsync(HttpClient api, string method, string path, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var response = method == "POST"
            ? await api.PostAsJsonAsync(path, JobRequest.Smallest("direct", "response-time"), cancellationToken)
            : await api.GetAsync(path, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        clock.Stop();
        await response.ExpectSuccessAsync(cancellationToken);
        return clock.Elapsed;
    }
}
