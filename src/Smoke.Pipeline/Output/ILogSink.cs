namespace Smoke.Pipeline;

/// <summary>Where <see cref="Log"/> writes: the running target's output, the build's, or the bare console.</summary>
internal interface ILogSink
{
    void Write(LogEntry entry);

    void AddSecret(string value);
}
