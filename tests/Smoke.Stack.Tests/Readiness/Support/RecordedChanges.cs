using System.Collections.Concurrent;
using Smoke.Stack.Readiness;

namespace Smoke.Stack.Tests.Readiness.Support;

/// <summary>Keeps every reported change, synchronously and in order (unlike <see cref="Progress{T}"/>).</summary>
public sealed class RecordedChanges : IProgress<ServiceReadinessChange>
{
    private readonly ConcurrentQueue<ServiceReadinessChange> _changes = new();

    public IReadOnlyList<ServiceReadinessChange> All => _changes.ToList();

    public IReadOnlyList<ServiceReadinessState> StatesOf(string service) =>
        All.Where(c => c.Service == service).Select(c => c.State).Distinct().ToList();

    public void Report(ServiceReadinessChange value) => _changes.Enqueue(value);
}
