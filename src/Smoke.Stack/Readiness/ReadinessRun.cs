using System.Collections.Concurrent;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Runs every service wait at once. When a service ends without being ready, the services depending on it that are
/// still waiting are stopped and reported as blocked by it (and theirs by them, down the graph).
/// </summary>
internal sealed class ReadinessRun(
    IReadOnlyList<IServiceWait> waits,
    IReadOnlyDictionary<string, IReadOnlyList<string>> dependsOn,
    TimeProvider clock,
    Action<ServiceReadinessChange> report)
{
    private readonly ConcurrentDictionary<string, ServiceReadiness> _results = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _blockedBy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CancellationTokenSource> _blockers = waits.ToDictionary(w => w.Service, _ => new CancellationTokenSource(), StringComparer.Ordinal);

    public async Task<IReadOnlyList<ServiceReadiness>> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var started = clock.GetTimestamp();
            await Task.WhenAll(waits.Select(w => RunOneAsync(w, started, cancellationToken))).ConfigureAwait(false);
            return InDependencyOrder().Select(w => _results[w.Service]).ToList();
        }
        finally
        {
            foreach (var blocker in _blockers.Values)
            {
                blocker.Dispose();
            }
        }
    }

    private async Task RunOneAsync(IServiceWait wait, long started, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var blocker = _blockers[wait.Service];
        ServiceReadiness result;
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, blocker.Token))
        {
            try
            {
                result = await wait.RunAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (blocker.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                result = Blocked(wait, started);
            }
        }

        _results[wait.Service] = result;
        if (result.IsReady)
        {
            return;
        }

        foreach (var dependent in waits.Where(w => dependsOn.TryGetValue(w.Service, out var deps) && deps.Contains(wait.Service)))
        {
            if (!_results.ContainsKey(dependent.Service) && _blockedBy.TryAdd(dependent.Service, wait.Service))
            {
                await _blockers[dependent.Service].CancelAsync().ConfigureAwait(false);
            }
        }
    }

    private ServiceReadiness Blocked(IServiceWait wait, long started)
    {
        var dependency = _blockedBy[wait.Service];
        var how = _results.TryGetValue(dependency, out var other) ? other.State switch
        {
            ServiceReadinessState.Blocked => $"which is itself blocked by \"{other.BlockedBy}\"",
            _ when !other.IsCritical => "which failed (a non-critical service, but this one depends on it)",
            _ => "which failed",
        } : "which did not become ready";
        var reason = $"service \"{wait.Service}\" is blocked by \"{dependency}\", {how}";
        var elapsed = clock.GetElapsedTime(started);
        report(new ServiceReadinessChange(wait.Service, ServiceReadinessState.Blocked, wait.Probe, reason, wait.IsCritical, elapsed, clock.GetUtcNow()));
        return new ServiceReadiness(wait.Service, ServiceReadinessState.Blocked, wait.IsCritical, elapsed, clock.GetUtcNow())
        {
            Reason = reason,
            BlockedBy = dependency,
        };
    }

    /// <summary>Dependencies before their dependents, otherwise in the given order; cycles are left where they are.</summary>
    private List<IServiceWait> InDependencyOrder()
    {
        var ordered = new List<IServiceWait>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var byName = waits.ToDictionary(w => w.Service, StringComparer.Ordinal);

        void Visit(IServiceWait wait)
        {
            if (ordered.Contains(wait) || !visiting.Add(wait.Service))
            {
                return;
            }

            foreach (var dependency in dependsOn.GetValueOrDefault(wait.Service) ?? [])
            {
                if (byName.TryGetValue(dependency, out var other))
                {
                    Visit(other);
                }
            }

            ordered.Add(wait);
        }

        foreach (var wait in waits)
        {
            Visit(wait);
        }

        return ordered;
    }
}
