using System.Globalization;
using System.Text;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

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
        md.Append("Run ").Append(text.Markdown(report.Run.Id))
            .Append(" on ").Append(text.Markdown(report.Run.Host))
            .Append(report.Run.GitSha is null ? string.Empty : " at commit " + text.Markdown(report.Run.GitSha))
            .Append(report.Run.Profile is null ? string.Empty : ", profile " + text.Markdown(report.Run.Profile))
            .Append(CultureInfo.InvariantCulture, $", started {report.Run.Start.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, took {DurationText.Format(report.Run.Duration)}\n\n");

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
        var unfinished = report.Projects.Where(project => project.Status is not (SmokeProjectStatus.Passed or SmokeProjectStatus.Failed)).ToList();
        var failed = report.Projects
            .SelectMany(project => project.Tests.Where(test => test.Outcome == TestOutcome.Failed && !IsPlaceholder(project, test)).Select(test => (project, test)))
            .ToList();
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
            md.Append(CultureInfo.InvariantCulture, $"### ❌ {text.Markdown(ShortName(test))}\n\n");
            md.Append(text.Markdown(project.Name)).Append(" · ").Append(text.Markdown(Traits(test))).Append("\n\n");
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
            md.Append(CultureInfo.InvariantCulture, $"### {StatusText.Sign(project.Status)} {text.Markdown(project.Name)}: {StatusText.Of(project.Status)}, ")
                .Append(CultureInfo.InvariantCulture, $"{project.Passed} passed, {project.Failed} failed, {project.Skipped} skipped")
                .Append(project.Flaky > 0 ? $", {project.Flaky} flaky" : string.Empty)
                .Append(CultureInfo.InvariantCulture, $" in {DurationText.Format(project.Duration)}\n\n");
            if (project.Filter is not null)
            {
                md.Append("Filter: ").Append(text.Markdown(project.Filter)).Append("\n\n");
            }

            if (project.Tests.Count == 0)
            {
                md.Append("No test ran.\n\n");
                continue;
            }

            md.Append("| Test | Outcome | Time | Level | Critical | Category |\n| --- | --- | --: | --: | --- | --- |\n");
            foreach (var test in project.Tests)
            {
                md.Append("| ").Append(text.Markdown(ShortName(test)))
                    .Append(" | ").Append(StatusText.Sign(test)).Append(' ').Append(StatusText.Of(test))
                    .Append(" | ").Append(DurationText.Format(test.Duration))
                    .Append(" | ").Append(test.Level?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)
                    .Append(" | ").Append(test.IsCritical ? "yes" : "no")
                    .Append(" | ").Append(text.Markdown(string.Join(", ", test.Categories)))
                    .Append(" |\n");
            }

            md.Append('\n');
        }
    }

    private static void Flaky(StringBuilder md, RunReport report, ReportText text)
    {
        var flaky = report.Projects.SelectMany(project => project.Tests.Where(test => test.IsFlaky).Select(test => (project, test))).ToList();
        if (flaky.Count == 0)
        {
            return;
        }

        md.Append("## Flaky tests\n\nThese failed, then passed on a retry. They do not fail the run; fix them before they hide a real failure.\n\n");
        md.Append("| Test | Project | Failed attempts | First failure |\n| --- | --- | --: | --- |\n");
        foreach (var (project, test) in flaky)
        {
            md.Append("| ").Append(text.Markdown(ShortName(test)))
                .Append(" | ").Append(text.Markdown(project.Name))
                .Append(" | ").Append(test.Attempts.Count.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(text.Markdown(test.Attempts[0].Message))
                .Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Services(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Services.Count == 0)
        {
            return;
        }

        md.Append("## Services\n\n| Service | Status | Critical | Time to ready | Reason |\n| --- | --- | --- | --: | --- |\n");
        foreach (var service in report.Services)
        {
            md.Append("| ").Append(text.Markdown(service.Name))
                .Append(" | ").Append(service.Ready ? "✅ ready" : "❌ not ready")
                .Append(" | ").Append(service.Critical ? "yes" : "no")
                .Append(" | ").Append(service.TimeToReady is { } elapsed ? DurationText.Format(elapsed) : string.Empty)
                .Append(" | ").Append(text.Markdown(service.Reason))
                .Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Targets(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Targets.Count == 0)
        {
            return;
        }

        md.Append("## Targets\n\n| Target | Status | Duration | Note |\n| --- | --- | --: | --- |\n");
        foreach (var target in report.Targets)
        {
            md.Append("| ").Append(text.Markdown(target.Name))
                .Append(" | ").Append(StatusText.Sign(target.Status)).Append(' ').Append(StatusText.Of(target.Status))
                .Append(" | ").Append(DurationText.Format(target.Duration))
                .Append(" | ").Append(text.Markdown(target.Note))
                .Append(" |\n");
        }

        md.Append('\n');
    }

    private static void Rollback(StringBuilder md, RunReport report, ReportText text)
    {
        if (report.Rollback is not { } decision)
        {
            return;
        }

        md.Append("## Rollback decision\n\n")
            .Append(decision.RollBack ? "**Roll back.**" : "**Keep the release.**")
            .Append(CultureInfo.InvariantCulture, $" Judged on {decision.Inputs.Total} tests: {decision.Inputs.Passed} passed, {decision.Inputs.Failed} failed ({decision.Inputs.FailedPercent.ToString(CultureInfo.InvariantCulture)}%), {decision.Inputs.Skipped} skipped, {decision.Inputs.FlakyTests.Count} flaky; {decision.Inputs.ServicesNotReady.Count} services not ready.\n\n");
        if (decision.FiredRules.Count > 0)
        {
            md.Append("| Rule | Reason |\n| --- | --- |\n");
            foreach (var rule in decision.FiredRules)
            {
                md.Append("| ").Append(rule.Rule.ToString()).Append(" | ").Append(text.Markdown(rule.Reason)).Append(" |\n");
            }

            md.Append('\n');
        }
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

    /// <summary>Class and test without the namespace: short enough for a table, enough to find the test.</summary>
    internal static string ShortName(TestCase test)
    {
        if (test.DisplayName.StartsWith("[project ", StringComparison.Ordinal))
        {
            return test.DisplayName;
        }

        var shortClass = test.ClassName[(test.ClassName.LastIndexOf('.') + 1)..];
        return test.FullyQualifiedName.StartsWith(test.ClassName + ".", StringComparison.Ordinal)
            ? $"{shortClass}.{test.FullyQualifiedName[(test.ClassName.Length + 1)..]}"
            : test.DisplayName;
    }

    internal static string Traits(TestCase test) =>
        string.Join(", ", new[]
        {
            test.Level is { } level ? $"level {level}" : null,
            test.IsCritical ? "critical" : null,
            test.Categories.Count > 0 ? "category " + string.Join(", ", test.Categories) : null,
        }.OfType<string>().DefaultIfEmpty("no traits"));

    internal static bool IsPlaceholder(SmokeProjectResult project, TestCase test) =>
        test.ClassName == project.Name && test.DisplayName.StartsWith("[project ", StringComparison.Ordinal);
}
