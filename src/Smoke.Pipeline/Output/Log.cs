namespace Smoke.Pipeline;

/// <summary>What targets write with. Lines go to the running target's output, so parallel targets never interleave half-lines.</summary>
public static class Log
{
    private static readonly AsyncLocal<ILogSink?> CurrentSink = new();

    internal static ILogSink? Sink
    {
        get => CurrentSink.Value;
        set => CurrentSink.Value = value;
    }

    public static void Debug(string message) => Write(new LogEntry(LogLevel.Debug, message));

    public static void Info(string message) => Write(new LogEntry(LogLevel.Info, message));

    public static void Success(string message) => Write(new LogEntry(LogLevel.Success, message));

    public static void Warn(string message, string? file = null, int? line = null, int? column = null) =>
        Write(new LogEntry(LogLevel.Warning, message, file, line, column));

    public static void Error(string message, string? file = null, int? line = null, int? column = null) =>
        Write(new LogEntry(LogLevel.Error, message, file, line, column));

    /// <summary>Masks <paramref name="value"/> in every line written from now on, e.g. a password the build read from a file.</summary>
    public static void Secret(string value) => (Sink ?? ConsoleSink.Instance).AddSecret(value);

    /// <summary>
    /// True when the build writes to an interactive terminal outside CI and the running target streams its output:
    /// then a live display (a table redrawn in place) may take the console. Otherwise write lines.
    /// </summary>
    public static bool LiveDisplay => (Sink ?? ConsoleSink.Instance).LiveDisplay;

    /// <summary>
    /// Appends <paramref name="markdown"/> to the build's summary where the host has one (GitHub's job summary, cut with a
    /// notice at GitHub's 1 MiB per step), with secrets masked; elsewhere it does nothing.
    /// </summary>
    public static Task SummaryAsync(string markdown, CancellationToken cancellationToken = default) =>
        (Sink ?? ConsoleSink.Instance).PublishSummaryAsync(markdown, cancellationToken);

    private static void Write(LogEntry entry) => (Sink ?? ConsoleSink.Instance).Write(entry);
}
