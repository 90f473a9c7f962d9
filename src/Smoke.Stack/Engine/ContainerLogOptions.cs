namespace Smoke.Stack.Engine;

/// <summary>Which log lines to fetch: all by default, or the last <see cref="Tail"/>, or those after <see cref="Since"/>.</summary>
public sealed record ContainerLogOptions
{
    public int? Tail { get; init; }

    public DateTimeOffset? Since { get; init; }

    /// <summary>Ask the engine to prefix each line with its time; parsed into <see cref="ContainerLogLine.Time"/>.</summary>
    public bool Timestamps { get; init; }

    public bool Stdout { get; init; } = true;

    public bool Stderr { get; init; } = true;
}
