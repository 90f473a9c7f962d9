using Smoke.Processes;
using Smoke.Testing.Running;
using Smoke.Testing.Tests.Running;

namespace Smoke.Testing.Tests.Quality;

/// <summary>
/// Real runs of the quality fixtures, one after the other since they share a build: the sleeping suite beside a fast
/// one (budgets), the alternating suite four times (flaky tests), and the covered library's tests with coverlet.
/// </summary>
public sealed class QualityFixtureRuns : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-quality-tests-").FullName;

    public static string Sleeping => FixtureProjects.Project("Fixture.Sleeping");

    public static string Alternating => FixtureProjects.Project("Fixture.Alternating");

    public static string CoveredTests => Path.Combine(FixtureProjects.FixturesDirectory, "Fixture.Coverage", "Fixture.Covered.Tests", "Fixture.Covered.Tests.csproj");

    /// <summary>Fixture.Sleeping and Fixture.Covered.Tests, run once.</summary>
    public SmokeRunResult BudgetRun { get; private set; } = null!;

    /// <summary>Fixture.Alternating, run four times.</summary>
    public RepeatedSmokeRunResult Repeated { get; private set; } = null!;

    public string RepeatedResults => Path.Combine(_root, "repeated");

    /// <summary>The Cobertura file coverlet wrote for Fixture.Covered.Tests.</summary>
    public string CoverageFile { get; private set; } = null!;

    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    public async Task InitializeAsync()
    {
        var logger = FixtureProjects.LoggerOnlyDirectory(_root);
        var options = new SmokeRunOptions
        {
            ResultsDirectory = Path.Combine(_root, "budget"),
            LoggerDirectory = logger,
            UseBuildServers = false,
            MaxParallel = 2,
        };
        BudgetRun = await new SmokeTestRunner(options).RunAsync([Sleeping, CoveredTests], CancellationToken.None);

        var repeatOptions = options with
        {
            ResultsDirectory = RepeatedResults,
            Environment = new Dictionary<string, string> { ["SMOKE_FIXTURE_COUNTER"] = Path.Combine(_root, "alternating.counter") },
        };
        Repeated = await RepeatedSmokeRuns.RunAsync(repeatOptions, [Alternating], new SmokeRepeatOptions { Runs = 4 }, CancellationToken.None);

        var coverage = NewDirectory("coverage");
        var covered = await ExternalProcess.RunAsync(
            "dotnet",
            ["test", CoveredTests, "--no-build", "-c", "Release", "-nologo", "--collect", "XPlat Code Coverage", "--results-directory", coverage],
            new ProcessOptions { Environment = NestedTestEnvironment() });
        Assert.True(covered.Succeeded, string.Join(Environment.NewLine, covered.Output.TakeLast(20)));
        CoverageFile = Directory.EnumerateFiles(coverage, "coverage.cobertura.xml", SearchOption.AllDirectories).Single();
    }

    /// <summary>What this test host's own VSTest and MSBuild told it must not reach the nested <c>dotnet test</c>.</summary>
    private static Dictionary<string, string?> NestedTestEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => new[] { "MSBUILD", "VSTEST", "TESTINGPLATFORM" }.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(name => name, string? (_) => null, StringComparer.Ordinal);
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        return environment;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
