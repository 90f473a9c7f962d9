using Smoke.Testing.Reports;
using Smoke.Tests.Shared;

namespace Smoke.Testing.Tests.Reports;

public sealed class SummaryMarkdownTests(ReportFiles files) : IClassFixture<ReportFiles>
{
    private string Failed => File.ReadAllText(files.Failed.Markdown);

    /// <summary>The whole page, as a reviewer sees it: any change to summary.md shows up as a diff of Snapshots/summary-*.md.</summary>
    [Fact]
    public void A_failed_run_s_summary_matches_its_snapshot() =>
        Snapshot.Match("summary-failed.md", Failed);

    [Fact]
    public void A_passed_run_s_summary_matches_its_snapshot() =>
        Snapshot.Match("summary-passed.md", File.ReadAllText(files.Passed.Markdown));

    [Fact]
    public void The_verdict_comes_first_with_the_reasons_and_the_rollback_decision()
    {
        var lines = Failed.Split('\n');

        Assert.Equal("# ❌ Smoke failed", lines[0]);
        Assert.Equal("- target SmokeTests failed: 2 smoke projects failed", lines[2]);
        Assert.Contains("- Smoke.EventBus.Tests hung", lines);
        Assert.Contains("- 1 test failed", lines);
        Assert.StartsWith("**Rollback decision:** roll back: ", lines.Single(line => line.StartsWith("**Rollback", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("**Tests: 4 passed, 2 failed, 1 skipped** · 1 flaky  ", lines);
    }

    [Fact]
    public void Sections_come_in_order_failures_projects_flaky_then_the_gantt()
    {
        var headings = Failed.Split('\n').Where(line => line.StartsWith("## ", StringComparison.Ordinal)).ToList();

        Assert.Equal(["## Failures", "## Projects", "## Flaky tests", "## Services", "## Targets", "## Rollback decision", "## Timeline", "## Warnings"], headings);
    }

    [Fact]
    public void Failures_show_their_messages_in_code_blocks_that_the_message_cannot_close()
    {
        var failures = Section(Failed, "## Failures");

        Assert.Contains("### ❌ Jobs.Pages\\_through\\_jobs", failures, StringComparison.Ordinal);
        Assert.Contains("Smoke.Services.Tests · level 4, category services", failures, StringComparison.Ordinal);
        // The message holds ``` itself, so the fence is four backticks long.
        Assert.Contains("````text\nAssert.Equal() Failure\nExpected: 200\nActual:   503 <script>", failures, StringComparison.Ordinal);
        Assert.Contains("### ⏱️ Smoke.EventBus.Tests hung", failures, StringComparison.Ordinal);
        Assert.Contains("was killed with its test host", failures, StringComparison.Ordinal);
        // The placeholder test of the hung project is the project's failure, not listed again as a test.
        Assert.DoesNotContain("\\[project hung\\]", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_project_has_its_own_table_of_tests()
    {
        var projects = Section(Failed, "## Projects");

        Assert.Equal(3, projects.Split('\n').Count(line => line == "| Test | Outcome | Time | Level | Critical | Category |"));
        Assert.Contains("### ❌ Smoke.Services.Tests: failed, 2 passed, 1 failed, 1 skipped, 1 flaky in 30.0s", projects, StringComparison.Ordinal);
        Assert.Contains("| Health.Ready\\_answers | ⚠️ flaky | 420ms | 2 | no | services |", projects, StringComparison.Ordinal);
        Assert.Contains("| Jobs.Creates\\_a\\_job\\(kind: \"direct\"\\) | ✅ passed | 420ms | 3 | yes | services |", projects, StringComparison.Ordinal);
    }

    [Fact]
    public void Flaky_tests_are_listed_with_their_first_failure()
    {
        var flaky = Section(Failed, "## Flaky tests");

        Assert.Contains("| Health.Ready\\_answers | Smoke.Services.Tests | 1 | HttpRequestException: connection refused \\(127.0.0.1:49153\\) |", flaky, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_is_a_mermaid_gantt_of_targets_services_and_projects()
    {
        var timeline = Section(Failed, "## Timeline");
        var start = SampleRuns.Start.ToUnixTimeMilliseconds();

        Assert.Contains("```mermaid\ngantt\n    dateFormat x\n    axisFormat %M:%S\n    section Targets\n", timeline, StringComparison.Ordinal);
        Assert.Contains($"    ValidateConfig :done, {start}, {start + 400}\n", timeline, StringComparison.Ordinal);
        Assert.Contains($"    SmokeTests :crit, {start + 19_000}, {start + 81_000}\n", timeline, StringComparison.Ordinal);
        Assert.Contains("    section Services\n", timeline, StringComparison.Ordinal);
        Assert.Contains($"    api ready :done, {start + 8_000}, {start + 17_800}\n", timeline, StringComparison.Ordinal);
        Assert.Contains($"    generator-stub not ready :crit, ", timeline, StringComparison.Ordinal);
        Assert.Contains("    section Test projects\n", timeline, StringComparison.Ordinal);
        // Skipped targets take no time and get no bar.
        Assert.DoesNotContain("Rollback", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_cannot_inject_html_or_break_tables_and_secrets_are_masked()
    {
        var services = Section(Failed, "## Services");

        Assert.Contains("HTTP 503 from 127.0.0.1:49160/health &lt;script&gt;alert\\('owned'\\)&lt;/script&gt; \\| \\`tick\\` \\*\\*bold\\*\\* \\[link\\]\\(http://evil.example\\) &amp; &lt;/details&gt;", services, StringComparison.Ordinal);
        var outsideCode = string.Join('\n', CodeBlocksRemoved(Failed));
        Assert.DoesNotContain("<script>", outsideCode, StringComparison.Ordinal);
        Assert.DoesNotContain("</details> ", outsideCode, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleRuns.Secret, Failed, StringComparison.Ordinal);
        Assert.Contains("password=***", Failed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passing_run_says_so_and_has_no_failures_section()
    {
        var passed = File.ReadAllText(files.Passed.Markdown);

        Assert.StartsWith("# ✅ Smoke passed\n\n**Rollback decision:** keep the release: no rollback rule fired", passed, StringComparison.Ordinal);
        Assert.DoesNotContain("## Failures", passed, StringComparison.Ordinal);
        Assert.DoesNotContain("## Flaky tests", passed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_for_the_step_summary_is_the_file_content()
    {
        Assert.Equal(File.ReadAllText(files.Passed.Markdown), SmokeReport.Markdown(SampleRuns.Passed()));
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {heading} section");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    private static IEnumerable<string> CodeBlocksRemoved(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (fence is null && line.StartsWith("```", StringComparison.Ordinal))
            {
                fence = new string('`', line.TakeWhile(c => c == '`').Count());
            }
            else if (fence is not null && line == fence)
            {
                fence = null;
            }
            else if (fence is null)
            {
                yield return line;
            }
        }
    }
}
