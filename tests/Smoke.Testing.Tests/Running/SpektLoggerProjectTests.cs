using System.Diagnostics;
using Smoke.JUnit.TestLogger;
using Smoke.Testing.Policy;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

/// <summary>
/// The same tests run twice with one retry: as Fixture.Flaky and Fixture.Failing, which know only our logger, and as
/// Fixture.SpektLogger, which compiles both and references JunitXml.TestLogger 8.1 as most teams' test projects do.
/// Smoke must see the same results either way: verdict, traits, flaky merge and report. And JUnit written by spekt's
/// logger itself, on the same fixture, must read with the same totals, outcomes and traits.
/// </summary>
public sealed class SpektLoggerProjectTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-spekt-logger-").FullName;

    private SmokeRunResult _ours = null!;

    private SmokeRunResult _spekts = null!;

    public async Task InitializeAsync()
    {
        var loggerDirectory = FixtureProjects.LoggerOnlyDirectory(_root);
        _ours = await RunAsync("ours", loggerDirectory, [FixtureProjects.Flaky, FixtureProjects.Project("Fixture.Failing")]);
        _spekts = await RunAsync("spekt", loggerDirectory, [FixtureProjects.Project("Fixture.SpektLogger")]);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void Both_runs_end_with_the_same_verdict_and_totals()
    {
        Assert.False(_spekts.Succeeded);
        Assert.Equal(_ours.Succeeded, _spekts.Succeeded);
        Assert.Equal((_ours.Passed, _ours.Failed, _ours.Skipped, _ours.Flaky), (_spekts.Passed, _spekts.Failed, _spekts.Skipped, _spekts.Flaky));
        Assert.Equal(ConsoleReport.TotalsLine(_ours.Tests), ConsoleReport.TotalsLine(_spekts.Tests));
    }

    [Fact]
    public void Every_test_keeps_its_outcome_and_its_Level_Critical_and_Category_traits()
    {
        Assert.Equal(Describe(_ours), Describe(_spekts));
        Assert.Contains(_spekts.Tests, test => test.IsCritical && test.Outcome == TestOutcome.Failed);
    }

    [Fact]
    public void Flaky_tests_are_merged_the_same_way()
    {
        static IEnumerable<string> Flaky(SmokeRunResult run) => run.Tests
            .Where(test => test.IsFlaky)
            .Select(test => $"{test.DisplayName}: {string.Join(", ", test.Attempts.Select(attempt => $"{attempt.Kind} {attempt.Message}"))}")
            .Order(StringComparer.Ordinal);

        Assert.NotEmpty(Flaky(_spekts));
        Assert.Equal(Flaky(_ours), Flaky(_spekts));
    }

    [Fact]
    public void The_rollback_policy_decides_the_same()
    {
        var policy = new RollbackPolicy();

        var ours = policy.Decide(new RollbackPolicyInput(_ours.Tests));
        var spekts = policy.Decide(new RollbackPolicyInput(_spekts.Tests));

        Assert.True(spekts.RollBack);
        Assert.Equal(ours.Summary, spekts.Summary);
    }

    [Fact]
    public void The_report_shows_the_same_rows()
    {
        static IEnumerable<string> Rows(SmokeRunResult run) => ConsoleReport.Lines(run, [FixtureProjects.Password])
            .Where(line => line.StartsWith("  ", StringComparison.Ordinal) && !line.TrimStart().StartsWith("---", StringComparison.Ordinal)
                && !line.TrimStart().StartsWith("Test ", StringComparison.Ordinal))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"\s+\d+(\.\d+)?(ms|s)\s*", " "))
            .Select(line => System.Text.RegularExpressions.Regex.Replace(line.Trim(), @"\s{2,}", "  "))
            .Order(StringComparer.Ordinal);

        Assert.Equal(Rows(_ours), Rows(_spekts));
    }

    [Fact]
    public void Smoke_names_its_own_logger_by_its_URI_so_the_project_s_junit_logger_is_not_the_one_used()
    {
        Assert.Equal(JUnitLogger.ExtensionUri, SmokeProjectRun.LoggerUri);
        // Each attempt's file is the logger's own; ours names the framework in the suite's properties, spekt's does not.
        var attempts = Directory.EnumerateFiles(Path.Combine(_root, "spekt"), "*.junit.xml", SearchOption.AllDirectories)
            .Where(file => file.Contains("attempt", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(attempts);
        Assert.All(attempts, file => Assert.Contains("<property name=\"framework\"", File.ReadAllText(file), StringComparison.Ordinal));
    }

    [Fact]
    public async Task JUnit_written_by_spekts_logger_reads_with_the_same_totals_outcomes_and_traits_as_ours()
    {
        var spekts = await RunDotnetTestAsync("spekt-direct", "junit");
        var ours = await RunDotnetTestAsync("ours-direct", SmokeProjectRun.LoggerUri, "--test-adapter-path", FixtureProjects.LoggerOnlyDirectory(Path.Combine(_root, "direct")));

        static IEnumerable<string> Read(IReadOnlyList<TestSuiteResult> suites) => suites.SelectMany(suite => suite.Tests)
            .Select(test => $"{test.ClassName} | {test.DisplayName} | {test.Outcome} | "
                + string.Join("; ", test.Traits.OrderBy(trait => trait.Key, StringComparer.Ordinal).Select(trait => $"{trait.Key}={string.Join(",", trait.Value)}")))
            .Order(StringComparer.Ordinal);

        Assert.Equal(7, spekts.Sum(suite => suite.Tests.Count));
        Assert.Equal(Read(ours), Read(spekts));
    }

    private static IEnumerable<string> Describe(SmokeRunResult run) => run.Tests
        .Select(test => $"{test.FullyQualifiedName} | {test.DisplayName} | {test.Outcome} | {test.FailureType} | attempts {test.Attempts.Count} | "
            + string.Join("; ", test.Traits.OrderBy(trait => trait.Key, StringComparer.Ordinal).Select(trait => $"{trait.Key}={string.Join(",", trait.Value)}")))
        .Order(StringComparer.Ordinal);

    /// <summary>Runs the built Fixture.SpektLogger with <c>dotnet test</c> and the logger given, as a team would by hand.</summary>
    private async Task<IReadOnlyList<TestSuiteResult>> RunDotnetTestAsync(string name, string logger, params string[] extra)
    {
        var output = Path.Combine(_root, name);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["test", FixtureProjects.Project("Fixture.SpektLogger"), "--no-build", "-c", "Release",
            "--logger", $"{logger};LogFilePath={Path.Combine(output, "{assembly}.xml")}", "--results-directory", Path.Combine(output, "results"), .. extra])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SMOKE_FIXTURE_MARKERS"] = Directory.CreateDirectory(Path.Combine(_root, name + "-markers")).FullName;
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var file = Path.Combine(output, "Fixture.SpektLogger.xml");
        Assert.True(File.Exists(file), $"dotnet test exited with {process.ExitCode} and wrote no {file}:\n{text}");
        return await JUnitReader.ReadFileAsync(file, CancellationToken.None);
    }

    private Task<SmokeRunResult> RunAsync(string name, string loggerDirectory, IReadOnlyList<string> projects) =>
        new SmokeTestRunner(new SmokeRunOptions
        {
            ResultsDirectory = Path.Combine(_root, name),
            LoggerDirectory = loggerDirectory,
            UseBuildServers = false,
            Retries = 1,
            MaxParallel = 2,
            ProjectTimeout = TimeSpan.FromMinutes(10),
            Environment = new Dictionary<string, string>
            {
                ["SMOKE_API_URL"] = "http://127.0.0.1:1/",
                ["SMOKE_API_PASSWORD"] = FixtureProjects.Password,
                ["SMOKE_FIXTURE_MARKERS"] = Directory.CreateDirectory(Path.Combine(_root, name + "-markers")).FullName,
            },
        }).RunAsync(projects, CancellationToken.None);
}
