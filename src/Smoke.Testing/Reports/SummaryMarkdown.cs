using System.Globalization;
using System.Text;

namespace Smoke.Testing.Reports;

/// <summary>summary.md, GitHub-flavoured: verdict first, failures, a table per project, flaky tests, then services, targets, rollback and a Mermaid gantt.</summary>
internal static class SummaryMarkdown
{
    public static string Render(RunReport report, ReportText text)
    {
        var md = new StringBuilder();
        var tests = report.Projects.SelectMany(project => project.Tests).ToList();
        md.Append(CultureInfo.InvariantCulture, $"# {StatusText.Sign(report.Verdict)} Smoke {(report.Verdict == RunVerdict.Passed ? "passed" : "failed")}\n\n");
        foreach (var reason in report.FailureReasons)
        {
            md.Append("- ").Append(text.Markdown(reason)).Append('\n');
        }

        if (report.FailureReasons.Count > 0)
        {
            md.Append('\n');
        }

        if (report.Rollback is { } rollback)
        {
            md.Append("**Rollback decision:** ").Append(text.Markdown(rollback.Summary)).Append("\n\n");
        }

        md.Append("**").Append(ConsoleReport.TotalsLine(tests)).Append("**");
        var flaky = tests.Count(test => test.IsFlaky);
        if (flaky > 0)
        {
            md.Append(CultureInfo.InvariantCulture, $" · {flaky} flaky");
        }

        md.Append("  \n");
        md.Append(ReportSections.RunLine(report, text.Markdown)).Append("\n\n");

        Failures(md, report, text);
        Projects(md, report, text);
        Flaky(md, report, text);
        Services(md, report, text);
        Targets(md, report, text);
        Rollback(md, report, text);
        Timeline(md, report, text);
        Warnings(md, report, text);
        return md.ToString();
    }

    private static void Failures(StringBuilder md, RunReport report, ReportText text)
    {
        var unfinished = ReportSections.Unfinished(report);
        var failed = ReportSections.FailedTests(report);
        if (unfinished.Count == 0 && failed.Count == 0)
        {
            return;
        }

        md.Append("## Failures\n\n");
        foreach (var project in unfinished)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {StatusText.Sign(project.Status)} {text.Markdown(project.Name)} {StatusText.Of(project.Status)}\n\n");
            md.Append(text.Markdown(project.Note)).Append("\n\n");
            if (project.OutputTail.Count > 0)
            {
                md.Append("<details><summary>Last output lines</summary>\n\n")
                    .Append(text.MarkdownCode(string.Join('\n', project.OutputTail)))
                    .Append("\n</details>\n\n");
            }
        }

        foreach (var (project, test) in failed)
        {
            md.Append(CultureInfo.InvariantCulture, $"### ❌ {text.Markdown(ReportSections.ShortName(test))}\n\n");
            md.Append(text.Markdown(project.Name)).Append(" · ").Append(text.Markdown(ReportSections.Traits(test))).Append("\n\n");
            md.Append(text.MarkdownCode(test.Message ?? "(no message)"));
            if (!string.IsNullOrWhiteSpace(test.StackTrace) && test.StackTrace != test.Message)
            {
                md.Append("\n<details><summary>Details</summary>\n\n").Append(text.MarkdownCode(test.StackTrace)).Append("\n</details>\n");
            }

            md.Append('\n');
        }
    }

    private static void Projects(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Projects.Count == 0)
        {
            return;
        }

        md.Append("## Projects\n\n");
        foreach (var project in report.Projects)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {StatusText.Sign(project.Status)} {text.Markdown(project.Name)}: {StatusText.Of(project.Status)}, {ReportSections.ProjectCounts(project)}\n\n");
            if (project.Filter is not null)
            {
                md.Append("Filter: ").Append(text.Markdown(project.Filter)).Append("\n\n");
            }

            if (project.Tests.Count == 0)
            {
                md.Append("No test ran.\n\n");
                continue;
            }

            Table(md, ReportSections.Tests(project), text);
        }
    }

    private static void Flaky(StringBuilder md, RunReport report, ReportText text)
    {
        var flaky = ReportSections.Flaky(report);
        if (flaky.Rows.Count > 0)
        {
            md.Append("## Flaky tests\n\nThese failed, then passed on a retry. They do not fail the run; fix them before they hide a real failure.\n\n");
            Table(md, flaky, text);
        }
    }

    private static void Services(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Services.Count > 0)
        {
            md.Append("## Services\n\n");
            Table(md, ReportSections.Services(report), text);
        }
    }

    private static void Targets(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Targets.Count > 0)
        {
            md.Append("## Targets\n\n");
            Table(md, ReportSections.Targets(report), text);
        }
    }

    private static void Rollback(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Rollback is not { } decision)
        {
            return;
        }

        md.Append("## Rollback decision\n\n")
            .Append(decision.RollBack ? "**Roll back.**" : "**Keep the release.**")
            .Append(' ').Append(ReportSections.RollbackInputs(decision)).Append("\n\n");
        if (decision.FiredRules.Count > 0)
        {
            Table(md, ReportSections.FiredRules(decision), text);
        }
    }

    /// <summary>A GitHub table, then a blank line: numeric columns right-aligned, a status as its sign and label.</summary>
    private static void Table(StringBuilder md, ReportTable table, ReportText text)
    {
        md.Append("| ").AppendJoin(" | ", table.Columns.Select(column => column.Name)).Append(" |\n")
            .Append("| ").AppendJoin(" | ", table.Columns.Select(column => column.Numeric ? "--:" : "---")).Append(" |\n");
        foreach (var row in table.Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(cell => cell switch
            {
                ReportCell.Text plain => text.Markdown(plain.Value),
                ReportCell.Number number => number.Value,
                ReportCell.Literal literal => literal.Value,
                ReportCell.Status status => $"{status.Sign} {status.Label}",
                _ => throw new InvalidOperationException($"a report cell of kind {cell.GetType().Name} has no markdown form"),
            })).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Timeline(StringBuilder md, RunReport report, ReportText text)
    {
        var bars = RunTimeline.Bars(report);
        if (bars.Count == 0)
        {
            return;
        }

        md.Append("## Timeline\n\n```mermaid\ngantt\n    dateFormat x\n    axisFormat %M:%S\n");
        foreach (var section in bars.GroupBy(bar => bar.Section))
        {
            md.Append("    section ").Append(section.Key).Append('\n');
            foreach (var bar in section)
            {
                // A zero-length bar is not drawn at all; one millisecond keeps it visible as a tick.
                var end = Math.Max(bar.End.ToUnixTimeMilliseconds(), bar.Start.ToUnixTimeMilliseconds() + 1);
                md.Append("    ").Append(text.MermaidLabel(bar.Label))
                    .Append(" :").Append(bar.Failed ? "crit, " : "done, ")
                    .Append(CultureInfo.InvariantCulture, $"{bar.Start.ToUnixTimeMilliseconds()}, {end}\n");
            }
        }

        md.Append("```\n\n");
    }

    private static void Warnings(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.AllWarnings.Count == 0)
        {
            return;
        }

        md.Append("## Warnings\n\n");
        foreach (var warning in report.AllWarnings)
        {
            md.Append("- ").Append(text.Markdown(warning)).Append('\n');
        }

        md.Append('\n');
    }
}
