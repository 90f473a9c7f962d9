namespace Smoke.Pipeline;

/// <summary>Where <see cref="Log"/> writes: the running target's output, the build's, or the bare console.</summary>
internal interface ILogSink
{
    void Write(LogEntry entry);

    void AddSecret(string value);

    /// <summary>Whether a live display (a table redrawn in place) may take the console now: a terminal, outside CI, not buffered.</summary>
    bool LiveDisplay { get; }

    /// <summary>Appends markdown to the build's summary where the host shows one (GitHub's job summary), secrets masked.</summary>
    Task PublishSummaryAsync(string markdown, CancellationToken cancellationToken);
}
