using Smoke.Testing.Reports;

namespace Smoke.Testing.Tests.Reports;

public sealed class ConsoleReportTests
{
    [Fact]
    public void Each_project_gets_a_table_and_the_totals_line_comes_last()
    {
        var lines = ConsoleReport.Lines(SampleRuns.Failed().Smoke!, [SampleRuns.Secret]);

        Assert.Equal("Tests: 4 passed, 2 failed, 1 skipped", lines[^1]);
        Assert.Equal(3, lines.Count(line => line.StartsWith("  Test ", StringComparison.Ordinal)));
        Assert.Contains("Smoke.Services.Tests: failed in 30.0s", lines);
        Assert.Contains(lines, line => line.StartsWith("Smoke.EventBus.Tests: hung in 1m 00s (Smoke.EventBus.Tests was still running", StringComparison.Ordinal));
        var flaky = lines.Single(line => line.Contains("Health.Ready_answers", StringComparison.Ordinal));
        Assert.Contains("flaky", flaky, StringComparison.Ordinal);
        Assert.Contains("failed 1x first: HttpRequestException", flaky, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.StartsWith("warning: --only \"evnetbus\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Failure_messages_fit_on_one_line_and_secrets_are_masked()
    {
        var lines = ConsoleReport.Lines(SampleRuns.Failed().Smoke!, [SampleRuns.Secret]);
        var failed = lines.Single(line => line.Contains("Jobs.Pages_through_jobs", StringComparison.Ordinal));

        Assert.Contains("failed", failed, StringComparison.Ordinal);
        Assert.Contains("Assert.Equal() Failure Expected: 200 Actual:   503", failed, StringComparison.Ordinal);
        Assert.EndsWith("…", failed, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, line => line.Contains(SampleRuns.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void The_columns_line_up()
    {
        var lines = ConsoleReport.Lines(SampleRuns.Passed().Smoke!);

        Assert.Equal(
            [
                "",
                "Smoke.Database.Tests: passed in 8.0s",
                "  Test                         Outcome  Time   Message",
                "  ---------------------------  -------  -----  -------",
                "  Connectivity.Server_answers  passed   420ms",
                "",
                "Tests: 1 passed, 0 failed, 0 skipped",
            ],
            lines);
    }
}
