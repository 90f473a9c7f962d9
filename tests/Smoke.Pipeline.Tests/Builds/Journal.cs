namespace Smoke.Pipeline.Tests;

/// <summary>What a test build did, handed to the build through an AsyncLocal because the engine creates the build itself.</summary>
internal sealed class Journal
{
    private static readonly AsyncLocal<Journal?> CurrentJournal = new();
    private readonly Lock gate = new();
    private readonly List<string> ran = [];
    private readonly Dictionary<string, TaskCompletionSource> signals = [];

    public static Journal Current
    {
        get => CurrentJournal.Value ?? throw new InvalidOperationException("Run test builds through BuildRun so they get a journal.");
        set => CurrentJournal.Value = value;
    }

    public IReadOnlyList<string> Ran
    {
        get
        {
            lock (gate)
            {
                return [.. ran];
            }
        }
    }

    public IReadOnlyList<TargetOutcome> Outcomes { get; set; } = [];

    public bool? HasFailedSeenByAssured { get; set; }

    public Dictionary<string, object?> Values { get; } = [];

    /// <summary>A named one-shot signal, so tests coordinate targets by events rather than sleeps.</summary>
    public TaskCompletionSource Signal(string name)
    {
        lock (gate)
        {
            if (!signals.TryGetValue(name, out var signal))
            {
                signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                signals[name] = signal;
            }

            return signal;
        }
    }

    public TargetOutcome Outcome(string name) => Outcomes.Single(o => o.Name == name);

    public void Record(string name)
    {
        lock (gate)
        {
            ran.Add(name);
        }
    }
}
