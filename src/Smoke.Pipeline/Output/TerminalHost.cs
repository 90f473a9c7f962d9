namespace Smoke.Pipeline;

/// <summary>
/// A plain terminal: colours when attached to one, none when redirected or NO_COLOR is set; live displays only on an
/// interactive terminal outside CI.
/// </summary>
internal sealed class TerminalHost(bool colors, bool liveDisplay = false) : BuildHost
{
    public override bool Colors { get; } = colors;

    public override bool LiveDisplay { get; } = liveDisplay;

    public override IEnumerable<string> Format(LogEntry entry)
    {
        var lines = Lines(entry.Message);
        var (color, prefix) = entry.Level switch
        {
            LogLevel.Debug => ("90", ""),
            LogLevel.Success => ("32", ""),
            LogLevel.Warning => ("33", "warning: " + Location(entry)),
            LogLevel.Error => ("31", "error: " + Location(entry)),
            _ => ("", ""),
        };
        lines[0] = prefix + lines[0];
        return color.Length == 0 ? lines : lines.Select(line => Paint(color, line));
    }
}
