namespace Smoke.Stack.Processes;

internal sealed record ProcessOptions
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Each line of standard output (and of standard error, unless <see cref="OnError"/> is set).</summary>
    public Action<string>? OnOutput { get; init; }

    public Action<string>? OnError { get; init; }
}
