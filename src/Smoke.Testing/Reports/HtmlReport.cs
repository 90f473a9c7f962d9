using System.Globalization;
using System.Text;

namespace Smoke.Testing.Reports;

/// <summary>
/// report.html: one self-contained file (styles inline, no script, no font or image from elsewhere) with the summary's
/// content and an SVG timeline. It is also well-formed XML, so tools can read it as such.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        :root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --muted: #57606a; --line: #d0d7de; }
        * { box-sizing: border-box; }
        body { margin: 0; padding: 24px 32px 48px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1f2328; background: #fff; }
        h1 { margin: 0 0 8px; font-size: 28px; }
        h2 { margin: 32px 0 12px; font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { margin: 20px 0 8px; font-size: 16px; }
        header.verdict { border-left: 8px solid var(--ok); padding: 12px 20px; background: #f0fff4; border-radius: 6px; }
        header.verdict.failed { border-left-color: var(--bad); background: #fff5f5; }
        header.verdict.failed h1 { color: var(--bad); }
        header.verdict.passed h1 { color: var(--ok); }
        .meta { color: var(--muted); }
        .totals { font-weight: 600; font-size: 16px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
        th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); white-space: nowrap; }
        .badge.passed, .badge.succeeded, .badge.ready { background: var(--ok); }
        .badge.failed, .badge.hung, .badge.crashed, .badge.buildfailed, .badge.notready { background: var(--bad); }
        .badge.flaky { background: var(--warn); }
        pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; word-break: break-word; font: 12px/1.45 ui-monospace, "DejaVu Sans Mono", monospace; }
        .failure { border: 1px solid #ffcecb; border-radius: 6px; padding: 4px 16px 8px; margin: 12px 0; background: #fffafa; }
        details summary { cursor: pointer; color: var(--muted); }
        svg.timeline { border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; }
        svg .grid { stroke: #eaeef2; stroke-width: 1; }
        svg .tick { font-size: 11px; fill: var(--muted); text-anchor: middle; }
        svg .section { font-size: 13px; font-weight: 700; fill: #1f2328; }
        svg .label { font-size: 12px; fill: #1f2328; }
        svg .duration { font-size: 11px; fill: var(--muted); }
        svg .bar.ok { fill: #2da44e; }
        svg .bar.failed { fill: #cf222e; }
        """;

    public static string Render(RunReport report, ReportText text)
    {
        var html = new StringBuilder();
        var tests = report.Projects.SelectMany(project => project.Tests).ToList();
        var verdict = report.Verdict == RunVerdict.Passed ? "passed" : "failed";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>Smoke ").Append(verdict).Append(" · ").Append(text.Html(report.Run.Id)).Append("</title>\n")
            .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<header class=\"verdict ").Append(verdict).Append("\">\n<h1>Smoke ").Append(verdict).Append("</h1>\n");
        if (report.FailureReasons.Count > 0)
        {
            html.Append("<ul class=\"reasons\">\n");
            foreach (var reason in report.FailureReasons)
            {
                html.Append("<li>").Append(text.Html(reason)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        if (report.Rollback is { } rollback)
        {
            html.Append("<p><strong>Rollback decision:</strong> ").Append(text.Html(rollback.Summary)).Append("</p>\n");
        }

        var flaky = tests.Count(test => test.IsFlaky);
        html.Append("<p class=\"totals\">").Append(text.Html(ConsoleReport.TotalsLine(tests)))
            .Append(flaky > 0 ? $" · {flaky} flaky" : string.Empty).Append("</p>\n");
        html.Append("<p class=\"meta\">").Append(ReportSections.RunLine(report, text.Html)).Append("</p>\n</header>\n");

        html.Append("<section id=\"timeline\">\n<h2>Timeline</h2>\n").Append(SvgTimeline.Render(RunTimeline.Bars(report), text)).Append("\n</section>\n");
        Failures(html, report, text);
        Projects(html, report, text);
        Flaky(html, report, text);
        Services(html, report, text);
        Targets(html, report, text);
        Rollback(html, report, text);
        if (report.AllWarnings.Count > 0)
        {
            html.Append("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
            foreach (var warning in report.AllWarnings)
            {
                html.Append("<li>").Append(text.Html(warning)).Append("</li>\n");
            }

            html.Append("</ul>\n</section>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void Failures(StringBuilder html, RunReport report, ReportText text)
    {
        var unfinished = ReportSections.Unfinished(report);
        var failed = ReportSections.FailedTests(report);
        if (unfinished.Count == 0 && failed.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"failures\">\n<h2>Failures</h2>\n");
        foreach (var project in unfinished)
        {
            html.Append("<div class=\"failure\">\n<h3>").Append(text.Html(project.Name)).Append(' ').Append(Badge(StatusText.Of(project.Status), project.Status.ToString())).Append("</h3>\n")
                .Append("<p>").Append(text.Html(project.Note)).Append("</p>\n");
            if (project.OutputTail.Count > 0)
            {
                html.Append("<details><summary>Last output lines</summary>\n<pre>").Append(text.Html(string.Join('\n', project.OutputTail))).Append("</pre>\n</details>\n");
            }

            html.Append("</div>\n");
        }

        foreach (var (project, test) in failed)
        {
            html.Append("<div class=\"failure\">\n<h3>").Append(text.Html(ReportSections.ShortName(test))).Append("</h3>\n")
                .Append("<p class=\"meta\">").Append(text.Html(project.Name)).Append(" · ").Append(text.Html(ReportSections.Traits(test))).Append("</p>\n")
                .Append("<pre>").Append(text.Html(test.Message ?? "(no message)")).Append("</pre>\n");
            if (!string.IsNullOrWhiteSpace(test.StackTrace) && test.StackTrace != test.Message)
            {
                html.Append("<details><summary>Details</summary>\n<pre>").Append(text.Html(test.StackTrace)).Append("</pre>\n</details>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static void Projects(StringBuilder html, RunReport report, ReportText text)
    {
        if (report.Projects.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"projects\">\n<h2>Projects</h2>\n");
        foreach (var project in report.Projects)
        {
            html.Append("<h3>").Append(text.Html(project.Name)).Append(' ').Append(Badge(StatusText.Of(project.Status), project.Status.ToString()))
                .Append(" <span class=\"meta\">").Append(ReportSections.ProjectCounts(project)).Append("</span></h3>\n");
            if (project.Filter is not null)
            {
                html.Append("<p class=\"meta\">Filter: ").Append(text.Html(project.Filter)).Append("</p>\n");
            }

            if (project.Tests.Count == 0)
            {
                html.Append("<p>No test ran.</p>\n");
                continue;
            }

            Table(html, ReportSections.Tests(project), text);
        }

        html.Append("</section>\n");
    }

    private static void Flaky(StringBuilder html, RunReport report, ReportText text)
    {
        var flaky = ReportSections.Flaky(report);
        if (flaky.Rows.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"flaky\">\n<h2>Flaky tests</h2>\n<p>These failed, then passed on a retry. They do not fail the run; fix them before they hide a real failure.</p>\n");
        Table(html, flaky, text);
        html.Append("</section>\n");
    }

    private static void Services(StringBuilder html, RunReport report, ReportText text)
    {
        if (report.Services.Count > 0)
        {
            html.Append("<section id=\"services\">\n<h2>Services</h2>\n");
            Table(html, ReportSections.Services(report), text);
            html.Append("</section>\n");
        }
    }

    private static void Targets(StringBuilder html, RunReport report, ReportText text)
    {
        if (report.Targets.Count > 0)
        {
            html.Append("<section id=\"targets\">\n<h2>Targets</h2>\n");
            Table(html, ReportSections.Targets(report), text);
            html.Append("</section>\n");
        }
    }

    private static void Rollback(StringBuilder html, RunReport report, ReportText text)
    {
        if (report.Rollback is not { } decision)
        {
            return;
        }

        html.Append("<section id=\"rollback\">\n<h2>Rollback decision</h2>\n<p><strong>").Append(decision.RollBack ? "Roll back." : "Keep the release.").Append("</strong> ")
            .Append(ReportSections.RollbackInputs(decision)).Append("</p>\n");
        if (decision.FiredRules.Count > 0)
        {
            Table(html, ReportSections.FiredRules(decision), text);
        }

        html.Append("</section>\n");
    }

    /// <summary>A table: numeric columns right-aligned, a status as a coloured badge.</summary>
    private static void Table(StringBuilder html, ReportTable table, ReportText text)
    {
        html.Append("<table>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.Numeric ? "<th class=\"num\">" : "<th>").Append(column.Name).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var (column, cell) in table.Columns.Zip(row))
            {
                html.Append(column.Numeric ? "<td class=\"num\">" : "<td>").Append(cell switch
                {
                    ReportCell.Text plain => text.Html(plain.Value),
                    ReportCell.Number number => number.Value,
                    ReportCell.Literal literal => literal.Value,
                    ReportCell.Status status => Badge(status.Label, status.Kind),
                    _ => throw new InvalidOperationException($"a report cell of kind {cell.GetType().Name} has no HTML form"),
                }).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static string Badge(string label, string kind) =>
        $"<span class=\"badge {kind.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}\">{label}</span>";
}
