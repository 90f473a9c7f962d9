namespace Smoke.Release.Tests.Support;

/// <summary>A <see cref="ReleaseLog"/> that keeps every line, prefixed with its level.</summary>
internal sealed class LogLines
{
    private readonly List<string> _lines = [];

    public LogLines() =>
        Log = new ReleaseLog(line => Add("info", line), line => Add("warn", line), line => Add("success", line))
        {
            Debug = line => Add("debug", line),
            Summary = (markdown, _) =>
            {
                Add("summary", markdown);
                return Task.CompletedTask;
            },
        };

    public ReleaseLog Log { get; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The lines of one level, without the prefix.</summary>
    public IReadOnlyList<string> Of(string level) =>
        Lines.Where(line => line.StartsWith(level + ": ", StringComparison.Ordinal)).Select(line => line[(level.Length + 2)..]).ToList();

    private void Add(string level, string line)
    {
        lock (_lines)
        {
            _lines.Add($"{level}: {line}");
        }
    }
}
