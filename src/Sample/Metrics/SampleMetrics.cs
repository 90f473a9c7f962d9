using System.Collections.Concurrent;

namespace Sample.Metrics;

/// <summary>Counters kept in memory for /metrics: HTTP requests by route and status, worker outcomes.</summary>
internal sealed class SampleMetrics
{
    private readonly ConcurrentDictionary<(string Method, string Route, int Status), long> requests = new();
    private readonly ConcurrentDictionary<string, long> processed = new();

    public void CountRequest(string method, string route, int status) =>
        requests.AddOrUpdate((method, route, status), 1, (_, count) => count + 1);

    public void CountProcessed(string outcome) => processed.AddOrUpdate(outcome, 1, (_, count) => count + 1);

    public IReadOnlyDictionary<(string Method, string Route, int Status), long> Requests => requests;

    public IReadOnlyDictionary<string, long> Processed => processed;
}
