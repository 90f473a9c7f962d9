using System.Net;
using System.Net.Http.Json;

namespace SmokeTests.EndToEnd;

/// <summary>Waits for a queued job to finish, by reading it back from the api as a client would.</summary>
internal static class JobPolling
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>The job once it is completed or failed; fails the test with the last state seen when it is neither within <paramref name="patience"/>.</summary>
    public static async Task<JobResource> UntilFinishedAsync(HttpClient api, Guid id, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(patience);
        JobResource? job = null;
        try
        {
            while (true)
            {
                using var response = await api.GetAsync($"api/jobs/{id}", deadline.Token);
                await response.ExpectStatusAsync(HttpStatusCode.OK, deadline.Token);
                job = await response.Content.ReadFromJsonAsync<JobResource>(PlatformJson.Resources, deadline.Token);
                if (job?.Status is "completed" or "failed")
                {
                    return job;
                }

                await Task.Delay(Interval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new Xunit.Sdk.XunitException(
                $"job {id} did not finish within {patience.TotalSeconds}s: last seen {job?.Status ?? "never read"} " +
                $"after {job?.Attempts ?? 0} attempts (error: {job?.Error ?? "none"}). Is the worker consuming the jobs queue? See artifacts/smoke/diagnostics/worker.log.");
        }
    }
}
