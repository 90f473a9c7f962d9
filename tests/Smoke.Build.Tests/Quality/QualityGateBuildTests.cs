using System.Xml.Linq;
using Smoke.Build.Tests.EndToEnd;

namespace Smoke.Build.Tests.Quality;

/// <summary>
/// The smoke quality gates through ./build.sh, on fixture suites instead of the real stack (<c>--skip</c> leaves the
/// stack targets out): a test that fails every other run, and a suite that sleeps past its maximum.
/// </summary>
[Collection(nameof(BuildRunsCollection))]
public sealed class QualityGateBuildTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(RepositoryRoot.Path, "tests", "Smoke.Testing.Tests", "Fixtures");

    private readonly string scratch = Directory.CreateTempSubdirectory("smoke-quality-build-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Repeat_4_reports_the_test_that_fails_every_other_run_as_flaky_and_fail_on_flaky_exits_1()
    {
        var result = await BuildScriptRun.RunAsync(
            ["SmokeTests", "--skip", "--smoke-projects", Path.Combine(Fixtures, "Fixture.Alternating"), "--repeat", "4", "--fail-on-flaky",
             "--project-budget", "10m/20m", "--smoke-tests-budget", "20m/30m"],
            new Dictionary<string, string?> { ["SMOKE_FIXTURE_COUNTER"] = Path.Combine(scratch, "counter") });

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("4 runs: 1 test(s) had the same outcome every run, 1 changed (flaky)", result.Output, StringComparison.Ordinal);
        Assert.Contains("flaky: Fixture.Alternating AlternatingTests.Fails_every_other_run ran FPFP (P passed, F failed); first failure: run 1 of this test fails on purpose", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 flaky test(s) and --fail-on-flaky is set", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("time budget exceeded", result.Output, StringComparison.Ordinal);

        var junit = XDocument.Load(Path.Combine(RepositoryRoot.Path, "artifacts", "test-results", "Fixture.Alternating.junit.xml"));
        var flaky = junit.Descendants("testcase").Single(test => ((string?)test.Attribute("name"))!.Contains("Fails_every_other_run", StringComparison.Ordinal));
        Assert.Equal(2, flaky.Elements("flakyFailure").Count());
    }

    [Fact]
    public async Task A_suite_past_its_maximum_fails_SmokeTests_naming_it_its_time_and_its_budget()
    {
        var result = await BuildScriptRun.RunAsync(
            ["SmokeTests", "--skip", "--smoke-projects", Path.Combine(Fixtures, "Fixture.Sleeping"),
             "--project-budgets", "Fixture.Sleeping=1s/3s", "--smoke-tests-budget", "20m/30m"]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Matches(@"time budget exceeded: Fixture\.Sleeping took \d+(\.\d)?s, over its maximum of 3s \(budget 1s/3s\)", result.Output);
        Assert.DoesNotContain("smoke tests failed in", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeat_and_repeat_stack_together_are_refused_with_exit_2()
    {
        var result = await BuildScriptRun.RunAsync(
            ["SmokeTests", "--skip", "--smoke-projects", Path.Combine(Fixtures, "Fixture.Sleeping"), "--repeat", "2", "--repeat-stack", "2"]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("give --repeat N (N >= 1, same stack) or --repeat-stack N (fresh stack each run), not both", result.Output, StringComparison.Ordinal);
    }
}
