using System.Text.Json;
using System.Xml.Linq;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Quality;

/// <summary>Fixture.Alternating run four times: one test fails on runs 1 and 3 and passes on 2 and 4, the other always passes.</summary>
[Collection(QualityFixtureRunsCollection.Name)]
public sealed class RepeatedRunTests(QualityFixtureRuns fixtures)
{
    private const string Alternating = "Fixture.Alternating.AlternatingTests.Fails_every_other_run";

    private const string Stable = "Fixture.Alternating.AlternatingTests.Always_passes";

    private RepeatedSmokeRunResult Repeated => fixtures.Repeated;

    [Fact]
    public void Each_test_has_its_outcome_in_every_run()
    {
        Assert.Equal(4, Repeated.Runs.Count);
        var histories = Repeated.Histories.ToDictionary(history => $"{history.ClassName}.{history.Name}");

        Assert.Equal("FPFP", histories[Alternating].OutcomeLetters);
        Assert.Equal("PPPP", histories[Stable].OutcomeLetters);
        Assert.Equal(["run 1 of this test fails on purpose (odd runs fail)", "run 3 of this test fails on purpose (odd runs fail)"],
            histories[Alternating].FailureMessages.Select(message => message[(message.IndexOf("run ", StringComparison.Ordinal))..]));
    }

    [Fact]
    public void A_test_that_fails_every_other_run_is_flaky_and_a_stable_one_is_not()
    {
        var flaky = Assert.Single(Repeated.Flaky);
        Assert.Equal(Alternating, $"{flaky.ClassName}.{flaky.Name}");

        var project = Assert.Single(Repeated.Combined.Projects);
        Assert.Equal(SmokeProjectStatus.Passed, project.Status);
        Assert.Equal(1, project.Flaky);
        var combined = project.Tests.Single(test => test.FullyQualifiedName == Alternating);
        Assert.True(combined.IsFlaky);
        Assert.Equal([TestAttemptKind.FlakyFailure, TestAttemptKind.FlakyFailure], combined.Attempts.Select(attempt => attempt.Kind));
        Assert.False(project.Tests.Single(test => test.FullyQualifiedName == Stable).IsFlaky);
    }

    [Fact]
    public void The_combined_JUnit_file_carries_a_flakyFailure_per_failed_run()
    {
        var file = Repeated.Combined.Projects[0].JUnitFile!;
        Assert.Equal(Path.Combine(fixtures.RepeatedResults, "Fixture.Alternating.junit.xml"), file);

        var document = XDocument.Load(file);
        var alternating = document.Descendants("testcase").Single(test => ((string?)test.Attribute("name"))!.Contains("Fails_every_other_run", StringComparison.Ordinal));
        Assert.Null(alternating.Element("failure"));
        Assert.Equal(2, alternating.Elements("flakyFailure").Count());
        var stable = document.Descendants("testcase").Single(test => ((string?)test.Attribute("name"))!.Contains("Always_passes", StringComparison.Ordinal));
        Assert.DoesNotContain(stable.Elements(), element => element.Name.LocalName is "failure" or "flakyFailure" or "rerunFailure");
        Assert.Equal("0", (string?)document.Descendants("testsuite").Single().Attribute("failures"));

        Assert.All(Enumerable.Range(1, 4), run => Assert.True(File.Exists(Path.Combine(fixtures.RepeatedResults, "repeats", $"run-{run}", "Fixture.Alternating.junit.xml"))));
    }

    [Fact]
    public void The_attempts_of_every_run_are_kept_in_order_for_the_per_test_history_in_report_json()
    {
        var project = Repeated.Combined.Projects[0];

        Assert.Equal([1, 2, 3, 4], project.Attempts.Select(attempt => attempt.Number));
        Assert.Equal(
            [TestOutcome.Failed, TestOutcome.Passed, TestOutcome.Failed, TestOutcome.Passed],
            project.Attempts.Select(attempt => attempt.Tests.Single(test => test.FullyQualifiedName == Alternating).Outcome));
        Assert.Equal(Repeated.Runs.Sum(run => run.Projects[0].Duration.Ticks), project.Duration.Ticks);
    }

    [Fact]
    public async Task The_flaky_test_shows_in_report_json_and_summary_md_with_its_failures()
    {
        var directory = fixtures.NewDirectory("repeat-report");
        var run = Repeated.Combined;
        var report = new RunReport(new RunInfo("repeat", run.Start, run.Start + run.Duration, "test-host")) { Smoke = run };

        var files = await SmokeReport.WriteAsync(report, directory, cancellationToken: CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(files.Json));
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("flaky").GetInt32());
        var test = json.RootElement.GetProperty("tests").EnumerateArray().Single(t => t.GetProperty("name").GetString() == Alternating);
        Assert.True(test.GetProperty("flaky").GetBoolean());
        Assert.Equal(2, test.GetProperty("earlierAttempts").GetArrayLength());
        Assert.Contains("odd runs fail", test.GetProperty("earlierAttempts")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, json.RootElement.GetProperty("projects")[0].GetProperty("attempts").GetArrayLength());

        var summary = await File.ReadAllTextAsync(files.Markdown);
        Assert.Contains("## Flaky tests", summary, StringComparison.Ordinal);
        var flakySection = summary[summary.IndexOf("## Flaky tests", StringComparison.Ordinal)..];
        Assert.Matches(@"Fails\\?_every\\?_other\\?_run", flakySection);
        Assert.Contains("odd runs fail", flakySection, StringComparison.Ordinal);
        Assert.Equal("passed", json.RootElement.GetProperty("verdict").GetString());
    }
}
