using System.Globalization;
using Smoke.Testing.Policy;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>
/// What each section of the report holds, worked out once: summary.md (<see cref="SummaryMarkdown"/>) and report.html
/// (<see cref="HtmlReport"/>) only decide how it looks. Text in cells is raw; each renderer escapes and masks it.
/// </summary>
internal static class ReportSections
{
    /// <summary>The line under a project's heading: <c>2 passed, 1 failed, 1 skipped, 1 flaky in 30.0s</c>.</summary>
    public static string ProjectCounts(SmokeProjectResult project) =>
        $"{project.Passed} passed, {project.Failed} failed, {project.Skipped} skipped"
        + (project.Flaky > 0 ? $", {project.Flaky} flaky" : string.Empty)
        + $" in {DurationText.Format(project.Duration)}";

    /// <summary>The run's line, each value passed through <paramref name="escape"/>: who ran it where, when and for how long.</summary>
    public static string RunLine(RunReport report, Func<string?, string> escape) =>
        "Run " + escape(report.Run.Id) + " on " + escape(report.Run.Host)
        + (report.Run.GitSha is null ? string.Empty : " at commit " + escape(report.Run.GitSha))
        + (report.Run.Profile is null ? string.Empty : ", profile " + escape(report.Run.Profile))
        + string.Create(CultureInfo.InvariantCulture, $", started {report.Run.Start.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, took {DurationText.Format(report.Run.Duration)}");

    /// <summary>What the rollback policy was given: <c>Judged on 7 tests: ...; 1 services not ready.</c></summary>
    public static string RollbackInputs(RollbackDecision decision)
    {
        var inputs = decision.Inputs;
        return string.Create(CultureInfo.InvariantCulture,
            $"Judged on {Nouns.Count(inputs.Total, "test")}: {inputs.Passed} passed, {inputs.Failed} failed ({inputs.FailedPercent.ToString(CultureInfo.InvariantCulture)}%), {inputs.Skipped} skipped, {inputs.FlakyTests.Count} flaky; {Nouns.Count(inputs.ServicesNotReady.Count, "service")} not ready.");
    }

    /// <summary>Projects that did not finish (hung, crashed, did not build): each is a failure of its own.</summary>
    public static IReadOnlyList<SmokeProjectResult> Unfinished(RunReport report) =>
        report.Projects.Where(project => project.Status is not (SmokeProjectStatus.Passed or SmokeProjectStatus.Failed)).ToList();

    /// <summary>Failed tests, without the placeholder test a hung or crashed project carries (its project is the failure).</summary>
    public static IReadOnlyList<(SmokeProjectResult Project, TestCase Test)> FailedTests(RunReport report) =>
        report.Projects
            .SelectMany(project => project.Tests.Where(test => test.Outcome == TestOutcome.Failed && !IsPlaceholder(project, test)).Select(test => (project, test)))
            .ToList();

    public static ReportTable Tests(SmokeProjectResult project) => new(
        [new("Test"), new("Outcome"), new("Time", Numeric: true), new("Level", Numeric: true), new("Critical"), new("Category")],
        project.Tests.Select(test => (IReadOnlyList<ReportCell>)
        [
            new ReportCell.Text(ShortName(test)),
            new ReportCell.Status(StatusText.Sign(test), StatusText.Of(test), StatusText.Of(test)),
            new ReportCell.Number(DurationText.Format(test.Duration)),
            new ReportCell.Number(test.Level?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            YesNo(test.IsCritical),
            new ReportCell.Text(string.Join(", ", test.Categories)),
        ]).ToList());

    public static ReportTable Flaky(RunReport report) => new(
        [new("Test"), new("Project"), new("Failed attempts", Numeric: true), new("First failure")],
        report.Projects.SelectMany(project => project.Tests.Where(test => test.IsFlaky).Select(test => (IReadOnlyList<ReportCell>)
        [
            new ReportCell.Text(ShortName(test)),
            new ReportCell.Text(project.Name),
            new ReportCell.Number(test.Attempts.Count.ToString(CultureInfo.InvariantCulture)),
            new ReportCell.Text(test.Attempts[0].Message),
        ])).ToList());

    public static ReportTable Services(RunReport report) => new(
        [new("Service"), new("Status"), new("Critical"), new("Time to ready", Numeric: true), new("Reason")],
        report.Services.Select(service => (IReadOnlyList<ReportCell>)
        [
            new ReportCell.Text(service.Name),
            service.Ready ? new ReportCell.Status("✅", "ready", "ready") : new ReportCell.Status("❌", "not ready", "notready"),
            YesNo(service.Critical),
            new ReportCell.Number(service.TimeToReady is { } elapsed ? DurationText.Format(elapsed) : string.Empty),
            new ReportCell.Text(service.Reason),
        ]).ToList());

    public static ReportTable Targets(RunReport report) => new(
        [new("Target"), new("Status"), new("Duration", Numeric: true), new("Note")],
        report.Targets.Select(target => (IReadOnlyList<ReportCell>)
        [
            new ReportCell.Text(target.Name),
            new ReportCell.Status(StatusText.Sign(target.Status), StatusText.Of(target.Status), target.Status.ToString()),
            new ReportCell.Number(DurationText.Format(target.Duration)),
            new ReportCell.Text(target.Note),
        ]).ToList());

    public static ReportTable FiredRules(RollbackDecision decision) => new(
        [new("Rule"), new("Reason")],
        decision.FiredRules.Select(rule => (IReadOnlyList<ReportCell>)[new ReportCell.Literal(rule.Rule.ToString()), new ReportCell.Text(rule.Reason)]).ToList());

    /// <summary>Class and test without the namespace: short enough for a table, enough to find the test.</summary>
    public static string ShortName(TestCase test)
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

    public static string Traits(TestCase test) =>
        string.Join(", ", new[]
        {
            test.Level is { } level ? $"level {level}" : null,
            test.IsCritical ? "critical" : null,
            test.Categories.Count > 0 ? "category " + string.Join(", ", test.Categories) : null,
        }.OfType<string>().DefaultIfEmpty("no traits"));

    public static bool IsPlaceholder(SmokeProjectResult project, TestCase test) =>
        test.ClassName == project.Name && test.DisplayName.StartsWith("[project ", StringComparison.Ordinal);

    private static ReportCell.Literal YesNo(bool value) => new(value ? "yes" : "no");
}

/// <summary>A table of the report: its columns and rows of cells, to be written as markdown or HTML.</summary>
internal sealed record ReportTable(IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);

/// <summary>A column; numeric ones are right-aligned.</summary>
internal sealed record ReportColumn(string Name, bool Numeric = false);

/// <summary>A cell, before it is written.</summary>
internal abstract record ReportCell
{
    /// <summary>Text from the run (names, messages): escaped and masked where it is written.</summary>
    public sealed record Text(string? Value) : ReportCell;

    /// <summary>A figure the report made itself (a count, a duration): written as it is.</summary>
    public sealed record Number(string Value) : ReportCell;

    /// <summary>A word the report chose itself (yes, no, a rule's name): written as it is.</summary>
    public sealed record Literal(string Value) : ReportCell;

    /// <summary>A status: a sign and a label in markdown, a coloured badge of <paramref name="Kind"/> in HTML.</summary>
    public sealed record Status(string Sign, string Label, string Kind) : ReportCell;
}
