using System.Globalization;
using System.Text;

namespace Smoke.Pipeline;

/// <summary>The end of every run: target, status, duration and note per target, then one line with the verdict.</summary>
internal static class SummaryTable
{
    private const int NoteWidth = 120;

    private static readonly string[] Headers = ["Target", "Status", "Duration", "Note"];

    public static IEnumerable<string> Lines(IReadOnlyList<TargetOutcome> outcomes, string verdict, BuildHost host)
    {
        var rows = outcomes.Select(Cells).ToList();
        var widths = Enumerable.Range(0, Headers.Length)
            .Select(i => rows.Select(r => r[i].Length).Append(Headers[i].Length).Max())
            .ToArray();

        string Row(string[] cells, Func<int, string, string>? paint = null) =>
            string.Join("  ", cells.Select((cell, i) => (paint?.Invoke(i, cell) ?? cell) + new string(' ', widths[i] - cell.Length))).TrimEnd();

        yield return "";
        yield return Row(Headers);
        yield return Row([.. widths.Select(w => new string('-', w))]);
        foreach (var (row, outcome) in rows.Zip(outcomes))
        {
            yield return Row(row, (column, cell) => column == 1 ? host.Paint(Color(outcome.Status), cell) : cell);
        }

        yield return "";
        yield return host.Paint(verdict.StartsWith("Build succeeded", StringComparison.Ordinal) ? "1;32" : "1;31", verdict);
    }

    public static string Markdown(IReadOnlyList<TargetOutcome> outcomes, string verdict)
    {
        var text = new StringBuilder();
        text.Append("| Target | Status | Duration | Note |\n| --- | --- | --: | --- |\n");
        foreach (var cells in outcomes.Select(Cells))
        {
            text.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }

        return text.Append('\n').Append("**").Append(verdict).Append("**\n\n").ToString();
    }

    public static string Verdict(IReadOnlyList<TargetOutcome> outcomes, TimeSpan duration, bool interrupted, int? exitCode)
    {
        var failed = outcomes.Count(o => o.Status == TargetStatus.Failed);
        var details = new List<string>();
        if (failed > 0)
        {
            details.Add(failed == 1 ? "1 target failed" : $"{failed} targets failed");
        }

        if (exitCode is { } code)
        {
            details.Add($"exit code {code}");
        }

        var suffix = details.Count == 0 ? "" : $" ({string.Join(", ", details)})";
        return interrupted ? $"Build interrupted after {Format(duration)}{suffix}"
            : details.Count > 0 ? $"Build failed in {Format(duration)}{suffix}"
            : $"Build succeeded in {Format(duration)}";
    }

    public static string Format(TimeSpan duration) => duration.TotalMinutes < 1
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s"
        : duration.TotalHours < 1
            ? $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s"
            : $"{(int)duration.TotalHours}h {duration.Minutes:00}m";

    private static string[] Cells(TargetOutcome outcome) =>
    [
        outcome.Name,
        outcome.Status.ToString(),
        outcome.Status is TargetStatus.NotRun || (outcome.Status is TargetStatus.Skipped or TargetStatus.Collective && outcome.Duration == TimeSpan.Zero) ? "" : Format(outcome.Duration),
        OneLine(outcome.Note ?? ""),
    ];

    /// <summary>A note is one table cell: its first line, cut at <see cref="NoteWidth"/> with a pointer to the whole text, which the run printed above.</summary>
    internal static string OneLine(string note)
    {
        var lines = note.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var first = lines.FirstOrDefault() ?? "";
        return first.Length <= NoteWidth && lines.Length <= 1 ? first : $"{first[..Math.Min(first.Length, NoteWidth)].TrimEnd()}… (full text above)";
    }

    private static string Color(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded or TargetStatus.Collective => "32",
        TargetStatus.Failed or TargetStatus.Cancelled => "31",
        _ => "33",
    };
}
