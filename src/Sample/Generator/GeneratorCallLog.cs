using System.Collections.Concurrent;

namespace Sample.Generator;

/// <summary>Every call the stub received since it started or was last cleared, oldest first.</summary>
internal sealed class GeneratorCallLog
{
    private readonly ConcurrentQueue<GeneratorCall> calls = new();

    public void Add(GeneratorCall call) => calls.Enqueue(call);

    public IReadOnlyList<GeneratorCall> All() => [.. calls];

    public void Clear() => calls.Clear();
}
