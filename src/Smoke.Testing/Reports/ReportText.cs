using System.Globalization;
using System.Net;
using System.Text;
using Smoke.Shared;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>
/// Every piece of text a report writes passes through here: secrets masked first, then escaped for the format.
/// Test names, messages and output come from tests and services, so they are treated as hostile.
/// </summary>
internal sealed class ReportText(SecretMask mask)
{
    public string Plain(string? text) => text is null ? string.Empty : mask.Apply(text);

    /// <summary>HTML text and attribute values; characters HTML cannot hold (control characters) become <c>\uXXXX</c>.</summary>
    public string Html(string? text)
    {
        var safe = new StringBuilder();
        foreach (var c in Plain(text))
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                safe.Append(c);
            }
        }

        return WebUtility.HtmlEncode(safe.ToString());
    }

    /// <summary>Inline Markdown (a sentence or a table cell): markup characters escaped, HTML neutralised, one line.</summary>
    public string Markdown(string? text)
    {
        var escaped = new StringBuilder();
        foreach (var c in Plain(text))
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r':
                    break;
                case '\n':
                    escaped.Append("<br>");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!' or '(' or ')' or '{' or '}' or '$':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>A fenced code block whose fence is longer than any backtick run in the text, so the text cannot close it.</summary>
    public string MarkdownCode(string? text, string language = "text")
    {
        var body = Plain(text).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        var longestRun = 0;
        var run = 0;
        foreach (var c in body)
        {
            run = c == '`' ? run + 1 : 0;
            longestRun = Math.Max(longestRun, run);
        }

        var fence = new string('`', Math.Max(3, longestRun + 1));
        return $"{fence}{language}\n{body}\n{fence}\n";
    }

    /// <summary>A Mermaid gantt task name: its grammar ends a name at a colon and a line at a newline or semicolon.</summary>
    public string MermaidLabel(string text)
    {
        var label = new StringBuilder();
        foreach (var c in Plain(text))
        {
            label.Append(c is ':' or ';' or '#' or '\n' or '\r' or '%' || char.IsControl(c) ? ' ' : c);
        }

        return label.ToString().Trim() is { Length: > 0 } trimmed ? trimmed : "(unnamed)";
    }
}
