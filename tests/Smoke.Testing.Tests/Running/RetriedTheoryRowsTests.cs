using System.Xml.Linq;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

/// <summary>A real run, with two retries, of theories whose rows end differently (Fixtures/Fixture.TheoryRows).</summary>
public sealed class RetriedTheoryRowsTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-theory-rows-").FullName;

    private SmokeProjectResult _result = null!;

    private XDocument Report => XDocument.Load(_result.JUnitFile!);

    public async Task InitializeAsync()
    {
        var loggerDirectory = FixtureProjects.LoggerOnlyDirectory(_root);
        var options = new SmokeRunOptions
        {
            ResultsDirectory = Path.Combine(_root, "results"),
            LoggerDirectory = loggerDirectory,
            UseBuildServers = false,
            Retries = 2,
            ProjectTimeout = TimeSpan.FromMinutes(10),
            Environment = new Dictionary<string, string> { ["SMOKE_FIXTURE_MARKERS"] = Directory.CreateDirectory(Path.Combine(_root, "markers")).FullName },
        };
        var run = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Project("Fixture.TheoryRows")], CancellationToken.None);
        _result = Assert.Single(run.Projects);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_row_that_passed_on_its_first_retry_and_ran_again_is_flaky_and_the_junit_file_is_written()
    {
        Assert.Equal(3, _result.Attempts.Count);
        Assert.True(File.Exists(_result.JUnitFile), _result.Note);
        var flaky = Assert.Single(_result.Tests, test => test.DisplayName == "Row(row: 1)");
        Assert.Equal(TestOutcome.Passed, flaky.Outcome);
        Assert.Equal(TestAttemptKind.FlakyFailure, Assert.Single(flaky.Attempts).Kind);
        var broken = Assert.Single(_result.Tests, test => test.DisplayName == "Row(row: 2)");
        Assert.Equal(TestOutcome.Failed, broken.Outcome);
        Assert.Equal(2, broken.Attempts.Count);
    }

    [Fact]
    public void Same_named_rows_stay_two_testcases_and_the_failing_one_stays_failed()
    {
        var rows = _result.Tests.Where(test => test.DisplayName == "Same_name_row(row: SameNameRow)").ToList();

        Assert.Equal([TestOutcome.Passed, TestOutcome.Failed], rows.Select(row => row.Outcome));
        Assert.False(rows[0].IsFlaky);
        Assert.Equal(SmokeProjectStatus.Failed, _result.Status);
        var suite = Report.Descendants("testsuite").Single();
        Assert.Equal(("4", "2"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
    }

    [Fact]
    public void Earlier_attempts_hold_only_the_stack_in_stackTrace_and_messages_do_not_start_with_the_type()
    {
        var attempt = Report.Descendants("testcase").Single(c => (string?)c.Attribute("name") == "Row(row: 1)").Element("flakyFailure")!;

        Assert.Equal("System.InvalidOperationException", (string?)attempt.Attribute("type"));
        Assert.Equal("first attempt of row-1 fails on purpose", (string?)attempt.Attribute("message"));
        Assert.StartsWith("   at Fixture.TheoryRows.TheoryRowTests", attempt.Element("stackTrace")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("fails on purpose", attempt.Element("stackTrace")!.Value, StringComparison.Ordinal);
        Assert.All(Report.Descendants().Where(e => e.Name.LocalName is "failure" or "error"), e => Assert.False(string.IsNullOrWhiteSpace(e.Value)));
    }
}
