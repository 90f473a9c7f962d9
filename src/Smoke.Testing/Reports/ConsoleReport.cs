using Smoke.Shared;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>The console's view of a smoke run: a table per project, then, last, <c>Tests: N passed, N failed, N skipped</c>.</summary>
public static class ConsoleReport
{
    private const int MessageWidth = 100;
    private static readonly string[] Headers = ["Test", "Outcome", "Time", "Message"];

    /// <param name="secrets">Values to show as <c>***</c>.</param>
    public static IReadOnlyList<string> Lines(SmokeRunResult result, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new ReportText(new SecretMask(secrets ?? []));
        var lines = new List<string>();
        foreach (var project in result.Projects)
        {
            lines.Add(string.Empty);
            lines.Add(text.Plain($"{project.Name}: {StatusText.Of(project.Status)} in {DurationText.Format(project.Duration)}"
                + (project.Note is null ? string.Empty : $" ({OneLine(project.Note, int.MaxValue)})")));
            var rows = project.Tests.Select(test => new[]
            {
                OneLine(text.Plain(ReportSections.ShortName(test)), int.MaxValue),
                StatusText.Of(test),
                DurationText.Format(test.Duration),
                test.Outcome == TestOutcome.Failed ? OneLine(text.Plain(test.Message), MessageWidth)
                    : test.IsFlaky ? OneLine(text.Plain($"failed {test.Attempts.Count}x first: {test.Attempts[0].Message}"), MessageWidth)
                    : string.Empty,
            }).ToList();
            if (rows.Count == 0)
            {
                lines.Add("  no test ran");
                continue;
            }

            var widths = Enumerable.Range(0, Headers.Length).Select(i => rows.Select(row => row[i].Length).Append(Headers[i].Length).Max()).ToArray();
            string Row(string[] cells) => ("  " + string.Join("  ", cells.Select((cell, i) => cell.PadRight(widths[i])))).TrimEnd();
            lines.Add(Row(Headers));
            lines.Add(Row([.. widths.Select(width => new string('-', width))]));
            lines.AddRange(rows.Select(Row));
        }

        foreach (var warning in result.Warnings)
        {
            lines.Add(string.Empty);
            lines.Add(text.Plain("warning: " + warning));
        }

        lines.Add(string.Empty);
        lines.Add(TotalsLine(result.Tests));
        return lines;
    }

    /// <summary><c>Tests: N passed, N failed, N skipped</c>; a flaky test counts as passed.</summary>
    public static string TotalsLine(IReadOnlyList<TestCase> tests)
    {
        ArgumentNullException.ThrowIfNull(tests);
        return $"Tests: {tests.Count(test => test.Outcome == TestOutcome.Passed)} passed, "
            + $"{tests.Count(test => test.Outcome == TestOutcome.Failed)} failed, "
            + $"{tests.Count(test => test.Outcome == TestOutcome.Skipped)} skipped";
    }

    private static string OneLine(string? text, int width)
    {
        var line = string.Join(' ', (text ?? string.Empty).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        line = new string(line.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return line.Length <= width ? line : line[..(width - 1)] + "…";
    }
}
