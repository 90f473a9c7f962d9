namespace Smoke.Stack.Processes;

internal sealed record ProcessOptions
{
    public string? WorkingDirectory { get; init; }

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Each line of standard output and standard error, as it comes.</summary>
    public Action<string>? OnOutput { get; init; }
}
