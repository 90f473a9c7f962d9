using System.Xml.Linq;

namespace Smoke.Testing.Running;

/// <summary>
/// Takes apart the text of a <c>failure</c> or <c>error</c> element. With <c>FailureBodyFormat=Verbose</c> it holds the
/// message, the stack trace and the test's output (ours: "Standard output:"; spekt's: "Stack Trace:" and "Standard Output:"),
/// and copying it whole into a <c>stackTrace</c> repeats the message and the output that sit beside it.
/// </summary>
internal static class FailureBody
{
    private const string StackTraceHeading = "Stack Trace:\n";
    private const string OutputHeading = "Standard output:\n";

    /// <summary>The stack trace alone, or null when the text holds none.</summary>
    public static string? StackTrace(XElement problem)
    {
        var text = problem.Value.ReplaceLineEndings("\n");
        var message = ((string?)problem.Attribute("message"))?.ReplaceLineEndings("\n");
        var type = (string?)problem.Attribute("type");
        text = WithoutLeadingMessage(text, message, type).TrimStart('\n');
        if (text.StartsWith(StackTraceHeading, StringComparison.OrdinalIgnoreCase))
        {
            text = text[StackTraceHeading.Length..];
        }

        var output = OutputStart(text);
        if (output >= 0)
        {
            text = text[..output];
        }

        text = text.TrimEnd('\n', ' ');
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    /// <summary>The message without the exception type that the <c>type</c> attribute already holds.</summary>
    public static string? MessageWithoutType(string? message, string? type)
    {
        if (message is null || string.IsNullOrEmpty(type) || !message.StartsWith(type, StringComparison.Ordinal))
        {
            return message;
        }

        var rest = message[type.Length..].TrimStart();
        return rest.StartsWith(':') ? rest[1..].TrimStart() : message;
    }

    private static string WithoutLeadingMessage(string text, string? message, string? type)
    {
        if (string.IsNullOrEmpty(message))
        {
            return text;
        }

        // Ours writes the full message first, type included, while the attribute may hold it without the type.
        foreach (var candidate in new[] { message, string.IsNullOrEmpty(type) ? null : $"{type} : {message}" })
        {
            if (candidate is not null && text.StartsWith(candidate, StringComparison.Ordinal))
            {
                return text[candidate.Length..];
            }
        }

        return text;
    }

    /// <summary>Where the output section starts: a line that is the heading, in either logger's spelling.</summary>
    private static int OutputStart(string text)
    {
        for (var start = 0; start < text.Length;)
        {
            if (string.Compare(text, start, OutputHeading, 0, OutputHeading.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return start;
            }

            var next = text.IndexOf('\n', start);
            if (next < 0)
            {
                break;
            }

            start = next + 1;
        }

        return -1;
    }
}
