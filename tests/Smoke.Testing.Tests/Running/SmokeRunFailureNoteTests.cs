using Smoke.Shared;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

public sealed class SmokeRunFailureNoteTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 13, 0, 0, TimeSpan.Zero);

    private static SmokeProjectResult Project(string name, SmokeProjectStatus status) =>
        new(name, $"/repo/tests/smoke/{name}/{name}.csproj", status, Start, TimeSpan.FromSeconds(5), [], []);

    private static SmokeRunResult Run(params SmokeProjectResult[] projects) => new(projects, Start, TimeSpan.FromSeconds(5));

    [Fact]
    public void The_note_names_each_failed_project_in_report_words_then_the_gates_then_the_files_to_read()
    {
        var run = Run(Project("Smoke.Api", SmokeProjectStatus.Passed), Project("Smoke.Jobs", SmokeProjectStatus.Failed), Project("Smoke.Bus", SmokeProjectStatus.BuildFailed));

        var note = run.FailureNote(["1 flaky test(s) and --fail-on-flaky is set: Smoke.Api Ready"]);

        Assert.Equal(
            "smoke tests failed in Smoke.Jobs (failed), Smoke.Bus (did not build); 1 flaky test(s) and --fail-on-flaky is set: Smoke.Api Ready; "
            + "each failure is in the smoke report (artifacts/smoke/report.html and summary.md) and the JUnit files in artifacts/test-results/",
            note);
    }

    [Fact]
    public void A_run_that_passed_every_project_and_gate_has_no_note()
    {
        Assert.Null(Run(Project("Smoke.Api", SmokeProjectStatus.Passed)).FailureNote([]));
    }

    [Fact]
    public void On_the_html_page_the_note_points_at_files_never_at_console_lines_above()
    {
        var run = Run(Project("Smoke.Jobs", SmokeProjectStatus.Failed));
        var report = new RunReport(new RunInfo("run-45", Start, Start.AddSeconds(10), "laptop"))
        {
            Targets = [new ReportedTarget("SmokeTests", ReportedTargetStatus.Failed, TimeSpan.FromSeconds(5), run.FailureNote([])) { Start = Start }],
            Smoke = run,
        };

        var html = HtmlReport.Render(report, new ReportText(SecretMask.None));

        Assert.Contains("target SmokeTests failed: smoke tests failed in Smoke.Jobs (failed); each failure is in the smoke report", html, StringComparison.Ordinal);
        Assert.DoesNotContain("above", html, StringComparison.OrdinalIgnoreCase);
    }
}
