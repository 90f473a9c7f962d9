using System.Globalization;
using System.Text;

namespace Smoke.Pipeline;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=a.cs,line=3::message</c>) with the runner's escaping:
/// data escapes <c>%</c>, CR and LF; property values also escape <c>:</c> and <c>,</c>.
/// </summary>
public static class WorkflowCommand
{
    public static string Error(string message, string? file = null, int? line = null, int? column = null, string? title = null) =>
        Format("error", message, Location(file, line, column, title));

    public static string Warning(string message, string? file = null, int? line = null, int? column = null, string? title = null) =>
        Format("warning", message, Location(file, line, column, title));

    public static string Notice(string message, string? file = null, int? line = null, int? column = null, string? title = null) =>
        Format("notice", message, Location(file, line, column, title));

    public static string Group(string title) => Format("group", title);

    public static string EndGroup() => Format("endgroup", "");

    public static string AddMask(string value) => Format("add-mask", value);

    public static string Debug(string message) => Format("debug", message);

    /// <summary><c>::command key=value,key=value::data</c>; properties whose value is null are left out.</summary>
    public static string Format(string command, string data, IEnumerable<KeyValuePair<string, string?>>? properties = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        var text = new StringBuilder("::").Append(command);
        var separator = ' ';
        foreach (var (key, value) in properties ?? [])
        {
            if (value is null)
            {
                continue;
            }

            text.Append(separator).Append(key).Append('=').Append(EscapeProperty(value));
            separator = ',';
        }

        return text.Append("::").Append(EscapeData(data ?? "")).ToString();
    }

    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal)
            .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string EscapeProperty(string value) =>
        EscapeData(value)
            .Replace(":", "%3A", StringComparison.Ordinal)
            .Replace(",", "%2C", StringComparison.Ordinal);

    private static KeyValuePair<string, string?>[] Location(string? file, int? line, int? column, string? title) =>
    [
        new("file", file),
        new("line", line?.ToString(CultureInfo.InvariantCulture)),
        new("col", column?.ToString(CultureInfo.InvariantCulture)),
        new("title", title),
    ];
}
