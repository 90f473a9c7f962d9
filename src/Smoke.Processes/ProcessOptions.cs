namespace Smoke.Processes;

/// <summary>How <see cref="ExternalProcess"/> runs a program; every option has a default.</summary>
public sealed record ProcessOptions
{
    /// <summary>Where the program runs; null is this process's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Variables to set for the program on top of this process's own; a value of null removes that variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Each line of standard output and standard error, as it comes.</summary>
    public Action<string>? OnOutput { get; init; }

    /// <summary>
    /// Reads standard output as bytes instead of lines (tar into an image import); standard error still comes as lines.
    /// Should it throw, the process tree is killed and the exception passed on.
    /// </summary>
    public Func<Stream, CancellationToken, Task>? ReadOutput { get; init; }

    /// <summary>The process id, once the program started: for a signal the caller sends it itself (Ctrl+C in tests).</summary>
    public Action<int>? OnStarted { get; init; }

    /// <summary>What to install when the program is missing, for the error: "the .NET 10 SDK", "Debian's debootstrap package".</summary>
    public string? InstallHint { get; init; }

    /// <summary>
    /// How long to wait, once the program exited, for output still held open by something it started (a daemon, a build
    /// server). Past it the result is returned without that output, marked <see cref="ProcessResult.OutputCutShort"/>.
    /// </summary>
    public TimeSpan OutputDrainGrace { get; init; } = TimeSpan.FromSeconds(10);
}
