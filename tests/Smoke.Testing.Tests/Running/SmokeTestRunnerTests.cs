using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

[Collection(FixtureProjectsCollection.Name)]
public sealed class SmokeTestRunnerTests(FixtureProjects fixtures)
{
    private SmokeRunResult FirstRun => fixtures.FirstRun;

    private SmokeProjectResult Project(string name) => FirstRun.Projects.Single(project => project.Name == name);

    [Fact]
    public void Every_project_gets_a_result_in_the_order_given()
    {
        Assert.Equal(["Fixture.Passing", "Fixture.Failing", "Fixture.Hanging", "Fixture.Flaky"], FirstRun.Projects.Select(project => project.Name));
        Assert.False(FirstRun.Succeeded);
    }

    [Fact]
    public void A_passing_project_is_passed_with_every_test_and_the_environment_reached_it()
    {
        var passing = Project("Fixture.Passing");

        Assert.Equal(SmokeProjectStatus.Passed, passing.Status);
        Assert.Equal(5, passing.Passed);
        Assert.Equal(0, passing.Failed);
        Assert.Single(passing.Attempts);
        Assert.Null(passing.Filter);
        // Configuration_is_readable asserts on SMOKE_API_URL from the runner's environment.
        Assert.Contains(passing.Tests, test => test.DisplayName == "Configuration_is_readable" && test.Outcome == TestOutcome.Passed);
        Assert.True(passing.Duration > TimeSpan.Zero);
    }

    [Fact]
    public void A_failing_test_fails_its_project_with_its_message_and_the_output_tail_masks_credentials()
    {
        var failing = Project("Fixture.Failing");

        Assert.Equal(SmokeProjectStatus.Failed, failing.Status);
        var failed = Assert.Single(failing.Tests, test => test.Outcome == TestOutcome.Failed);
        Assert.Equal("Fixture.Failing.FailingTests.Reports_a_wrong_status", failed.FullyQualifiedName);
        Assert.Contains("Expected: 201", failed.Message, StringComparison.Ordinal);
        Assert.True(failed.IsCritical);

        Assert.NotEmpty(failing.OutputTail);
        Assert.Contains(failing.OutputTail, line => line.Contains("connecting with password ***", StringComparison.Ordinal));
        Assert.DoesNotContain(failing.OutputTail, line => line.Contains(FixtureProjects.Password, StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_that_fails_on_every_attempt_keeps_its_last_failure_and_lists_the_earlier_one_as_a_rerun()
    {
        var failing = Project("Fixture.Failing");

        Assert.Equal(2, failing.Attempts.Count);
        Assert.Equal("FullyQualifiedName=Fixture.Failing.FailingTests.Reports_a_wrong_status", failing.Attempts[1].Filter);
        var failed = Assert.Single(failing.Attempts[1].Tests);
        Assert.Equal(TestOutcome.Failed, failed.Outcome);

        var final = failing.Tests.Single(test => test.Outcome == TestOutcome.Failed);
        var earlier = Assert.Single(final.Attempts);
        Assert.Equal(TestAttemptKind.RerunFailure, earlier.Kind);
        Assert.False(final.IsFlaky);
    }

    [Fact]
    public void A_test_that_passes_on_a_retry_is_reported_flaky_and_its_project_passes()
    {
        var flaky = Project("Fixture.Flaky");

        Assert.Equal(SmokeProjectStatus.Passed, flaky.Status);
        Assert.Equal(3, flaky.Flaky);
        Assert.Equal(
            ["Fails_the_first_time", "Row_fails_the_first_time(row: 1)", "Row_fails_the_first_time(row: 2)"],
            flaky.Tests.Where(test => test.IsFlaky).Select(test => test.DisplayName).Order(StringComparer.Ordinal));
        Assert.All(flaky.Tests.Where(test => test.IsFlaky), test =>
        {
            var attempt = Assert.Single(test.Attempts);
            Assert.Equal(TestAttemptKind.FlakyFailure, attempt.Kind);
            Assert.Contains("fails on purpose", attempt.Message, StringComparison.Ordinal);
        });

        // The retry ran only the failed tests: the fact and the theory (both of its rows), not Always_passes.
        Assert.Equal(3, flaky.Attempts[0].Tests.Count(test => test.Outcome == TestOutcome.Failed));
        Assert.Equal(
            "FullyQualifiedName=Fixture.Flaky.FlakyTests.Fails_the_first_time|FullyQualifiedName=Fixture.Flaky.FlakyTests.Row_fails_the_first_time",
            string.Join('|', flaky.Attempts[1].Filter!.Split('|').Order(StringComparer.Ordinal)));
        Assert.DoesNotContain(flaky.Attempts[1].Tests, test => test.DisplayName == "Always_passes");
        Assert.All(flaky.Attempts[1].Tests, test => Assert.Equal(TestOutcome.Passed, test.Outcome));
    }

    [Fact]
    public void The_project_junit_file_is_rewritten_so_flaky_tests_carry_flakyFailure()
    {
        var flaky = Project("Fixture.Flaky");

        Assert.Equal(Path.Combine(fixtures.FirstRunResults, "Fixture.Flaky.junit.xml"), flaky.JUnitFile);
        var document = XDocument.Load(flaky.JUnitFile!);
        var suite = document.Descendants("testsuite").Single();
        Assert.Equal("4", (string?)suite.Attribute("tests"));
        Assert.Equal("0", (string?)suite.Attribute("failures"));
        var testCase = document.Descendants("testcase").Single(element => (string?)element.Attribute("name") == "Fails_the_first_time");
        Assert.Null(testCase.Element("failure"));
        var flakyFailure = Assert.Single(testCase.Elements("flakyFailure"));
        Assert.Equal("first attempt of fact fails on purpose", (string?)flakyFailure.Attribute("message"));
        Assert.Contains("FlakyTests.cs", flakyFailure.Element("stackTrace")?.Value, StringComparison.Ordinal);
        // Traits survive the rewrite.
        Assert.Contains(testCase.Descendants("property"), property => (string?)property.Attribute("name") == "Category");
    }

    [Fact]
    public void Each_project_writes_one_junit_file_named_after_its_assembly()
    {
        var files = Directory.EnumerateFiles(fixtures.FirstRunResults, "*.xml").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Fixture.Failing.junit.xml", "Fixture.Flaky.junit.xml", "Fixture.Hanging.junit.xml", "Fixture.Passing.junit.xml"],
            files);
        Assert.All(FirstRun.Projects, project => Assert.Equal(project.Tests.Count, XDocument.Load(project.JUnitFile!).Descendants("testcase").Count()));
    }

    [Fact]
    public void A_hung_project_is_killed_at_its_timeout_reported_hung_and_its_siblings_finish()
    {
        var hanging = Project("Fixture.Hanging");

        Assert.Equal(SmokeProjectStatus.Hung, hanging.Status);
        Assert.True(hanging.Duration >= FixtureProjects.HangTimeout);
        Assert.Contains("was still running after 30.0s", hanging.Note, StringComparison.Ordinal);
        var placeholder = Assert.Single(hanging.Tests);
        Assert.Equal("[project hung]", placeholder.DisplayName);
        Assert.Equal(TestOutcome.Failed, placeholder.Outcome);
        Assert.Null(Assert.Single(hanging.Attempts).ExitCode);

        Assert.Equal(SmokeProjectStatus.Passed, Project("Fixture.Passing").Status);
        Assert.Equal(SmokeProjectStatus.Passed, Project("Fixture.Flaky").Status);
        Assert.NotEmpty(Project("Fixture.Failing").Tests);
    }

    [Fact]
    public void Progress_says_when_projects_start_retry_and_finish()
    {
        string[] lines;
        lock (fixtures.FirstRunProgress)
        {
            lines = [.. fixtures.FirstRunProgress];
        }

        Assert.Contains("building 4 smoke test projects", lines);
        Assert.Contains("Fixture.Passing: started", lines);
        Assert.Contains("Fixture.Flaky: retrying 3 failed tests (retry 1 of 1)", lines);
        Assert.Contains(lines, line => line.StartsWith("Fixture.Hanging: hung in ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(FixtureProjects.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reports_of_a_real_run_show_the_hung_project_the_failure_and_the_flaky_tests()
    {
        var report = new RunReport(new RunInfo("fixture-run", FirstRun.Start, FirstRun.Start + FirstRun.Duration, Environment.MachineName)) { Smoke = FirstRun };

        var files = await SmokeReport.WriteAsync(report, fixtures.NewDirectory("first-run-report"), [FixtureProjects.Password]);

        var json = JsonDocument.Parse(await File.ReadAllTextAsync(files.Json)).RootElement;
        Assert.Equal("failed", json.GetProperty("verdict").GetString());
        Assert.Equal(["passed", "failed", "hung", "passed"], json.GetProperty("projects").EnumerateArray().Select(project => project.GetProperty("status").GetString()));
        Assert.Equal(3, json.GetProperty("totals").GetProperty("flaky").GetInt32());
        var markdown = await File.ReadAllTextAsync(files.Markdown);
        Assert.Contains("- Fixture.Hanging hung", markdown, StringComparison.Ordinal);
        Assert.Contains("### ❌ FailingTests.Reports\\_a\\_wrong\\_status", markdown, StringComparison.Ordinal);
        Assert.Contains("| FlakyTests.Row\\_fails\\_the\\_first\\_time\\(row: 2\\) | Fixture.Flaky | 1 | first attempt of row-2 fails on purpose |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(FixtureProjects.Password, markdown + await File.ReadAllTextAsync(files.Json) + await File.ReadAllTextAsync(files.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quick_mode_runs_only_level_1_and_2_and_critical_tests()
    {
        var options = fixtures.Options("quick") with { Mode = SmokeRunMode.Quick };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing], CancellationToken.None);

        var passing = Assert.Single(result.Projects);
        Assert.Equal(SmokeProjectStatus.Passed, passing.Status);
        Assert.Equal("Level=1|Level=2|Critical=true", passing.Filter);
        Assert.Equal(
            ["Configuration_is_readable", "Critical_path_works", "Health_answers", "Overlaps_with_its_sibling"],
            passing.Tests.Select(test => test.DisplayName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Only_runs_named_projects_whole_and_named_categories_in_the_other_projects()
    {
        var options = fixtures.Options("only") with { Only = ["fixture.failing", "workflow", "no-such-thing"] };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing, FixtureProjects.Failing, FixtureProjects.Flaky], CancellationToken.None);

        var passing = result.Projects.Single(project => project.Name == "Fixture.Passing");
        Assert.Equal(["Critical_path_works", "Workflow_completes"], passing.Tests.Select(test => test.DisplayName).Order(StringComparer.Ordinal));
        Assert.Equal(@"Category=workflow|Category=no-such-thing", passing.Filter);
        var failing = result.Projects.Single(project => project.Name == "Fixture.Failing");
        Assert.Equal(3, failing.Tests.Count);
        Assert.Null(failing.Filter);
        var flaky = result.Projects.Single(project => project.Name == "Fixture.Flaky");
        Assert.Empty(flaky.Tests);
        Assert.Equal(SmokeProjectStatus.Passed, flaky.Status);

        var warning = Assert.Single(result.Warnings);
        Assert.Contains("--only \"no-such-thing\" names no smoke project", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_leaves_projects_that_are_not_named_out_when_no_category_is_named()
    {
        var options = fixtures.Options("only-project") with { Only = ["Fixture.Passing"] };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing, FixtureProjects.Failing], CancellationToken.None);

        Assert.Equal("Fixture.Passing", Assert.Single(result.Projects).Name);
        Assert.Equal(["Fixture.Failing"], result.NotSelected);
        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Projects_run_at_the_same_time()
    {
        var timeline = fixtures.NewDirectory("timeline-parallel");
        var options = fixtures.Options("parallel", new Dictionary<string, string> { ["SMOKE_FIXTURE_TIMELINE"] = timeline }) with
        {
            Only = ["Timeline"],
            MaxParallel = 2,
        };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing, FixtureProjects.Failing], CancellationToken.None);

        Assert.True(result.Succeeded, string.Join('\n', result.Projects.Select(project => $"{project.Name}: {project.Status} {project.Note}")));
        var (passingStart, passingEnd) = Interval(timeline, "Fixture.Passing");
        var (failingStart, failingEnd) = Interval(timeline, "Fixture.Failing");
        Assert.True(passingStart < failingEnd && failingStart < passingEnd, $"Passing ran {passingStart:O}..{passingEnd:O}, Failing {failingStart:O}..{failingEnd:O}: they did not overlap");
    }

    [Fact]
    public async Task MaxParallel_1_runs_one_project_after_the_other()
    {
        var timeline = fixtures.NewDirectory("timeline-serial");
        var options = fixtures.Options(
            "serial",
            new Dictionary<string, string> { ["SMOKE_FIXTURE_TIMELINE"] = timeline, ["SMOKE_FIXTURE_RENDEZVOUS_SECONDS"] = "1" }) with
        {
            Only = ["Timeline"],
            MaxParallel = 1,
        };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Passing, FixtureProjects.Failing], CancellationToken.None);

        Assert.True(result.Succeeded);
        var (passingStart, passingEnd) = Interval(timeline, "Fixture.Passing");
        var (failingStart, _) = Interval(timeline, "Fixture.Failing");
        Assert.True(passingEnd <= failingStart, $"Passing ran {passingStart:O}..{passingEnd:O} and Failing started at {failingStart:O}, before Passing ended");
    }

    [Fact]
    public async Task A_project_that_does_not_compile_is_reported_build_failed_and_the_others_still_run()
    {
        var options = fixtures.Options("broken") with { NoBuild = false };

        var result = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Broken, FixtureProjects.Passing], CancellationToken.None);

        var broken = result.Projects[0];
        Assert.Equal(SmokeProjectStatus.BuildFailed, broken.Status);
        Assert.Contains("Fixture.Broken did not compile", broken.Note, StringComparison.Ordinal);
        Assert.Contains("CS0029", broken.Note, StringComparison.Ordinal);
        Assert.Equal("[project build failed]", Assert.Single(broken.Tests).DisplayName);
        Assert.True(File.Exists(broken.JUnitFile));
        Assert.Equal(SmokeProjectStatus.Passed, result.Projects[1].Status);
    }

    [Fact]
    public async Task A_missing_project_is_refused_with_its_path()
    {
        var missing = Path.Combine(FixtureProjects.FixturesDirectory, "Nope", "Nope.csproj");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => new SmokeTestRunner(fixtures.Options("missing")).RunAsync([missing], CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Interval(string directory, string project) =>
        (Read(Path.Combine(directory, project + ".start")), Read(Path.Combine(directory, project + ".end")));

    private static DateTimeOffset Read(string path) =>
        DateTimeOffset.Parse(File.ReadAllText(path), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
