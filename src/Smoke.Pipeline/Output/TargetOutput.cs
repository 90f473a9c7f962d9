namespace Smoke.Pipeline;

/// <summary>
/// A running target's output. Sequential builds stream it; parallel builds and background targets buffer it and write
/// it whole once the target has ended, so two targets never interleave.
/// </summary>
internal sealed class TargetOutput(BuildOutput build, bool buffered) : ILogSink
{
    private readonly Lock gate = new();
    private readonly List<string> buffer = [];

    public void Write(LogEntry entry)
    {
        if (build.Accepts(entry))
        {
            WriteLines(build.Host.Format(entry));
        }
    }

    public void WriteLines(IEnumerable<string> lines)
    {
        if (!buffered)
        {
            build.WriteLines(lines);
            return;
        }

        lock (gate)
        {
            buffer.AddRange(lines);
        }
    }

    public void AddSecret(string value) => build.AddSecret(value);

    public bool LiveDisplay => !buffered && build.LiveDisplay;

    public Task PublishSummaryAsync(string markdown, CancellationToken cancellationToken) => build.PublishSummaryAsync(markdown, cancellationToken);

    public void Flush()
    {
        lock (gate)
        {
            build.WriteLines(buffer);
            buffer.Clear();
        }
    }
}
