namespace Smoke.Processes;

/// <summary>A finished program: its exit code and its output, both apart and merged.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Every line of standard output and standard error, merged in the order they arrived.</summary>
    public IReadOnlyList<string> Output { get; init; } = [];

    /// <summary>
    /// True when the program exited but something it started still held its output open after
    /// <see cref="ProcessOptions.OutputDrainGrace"/>: what that left behind later is not in the result.
    /// </summary>
    public bool OutputCutShort { get; init; }
}
