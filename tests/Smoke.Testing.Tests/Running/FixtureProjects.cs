using System.Reflection;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

/// <summary>
/// The fixture smoke projects under Fixtures/, built once by a first full run (all four, one retry, a 60 s timeout
/// that the hanging one runs into) whose result several tests read. Later runs reuse the build.
/// </summary>
public sealed class FixtureProjects : IAsyncLifetime
{
    public const string Password = "hunter2-do-not-print";

    public static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(30);

    private readonly string _root = Directory.CreateTempSubdirectory("smoke-runner-tests-").FullName;

    private Task<SmokeBuildResult>? _builtAhead;

    public static string FixturesDirectory { get; } = typeof(FixtureProjects).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "FixturesDirectory").Value!;

    public static string Passing => Project("Fixture.Passing");

    public static string Failing => Project("Fixture.Failing");

    public static string Hanging => Project("Fixture.Hanging");

    public static string Flaky => Project("Fixture.Flaky");

    public static string Broken => Project("Fixture.Broken");

    public string LoggerDirectory { get; private set; } = null!;

    /// <summary>The first run: every good fixture, built, with one retry.</summary>
    public SmokeRunResult FirstRun { get; private set; } = null!;

    public string FirstRunResults => Path.Combine(_root, "first-run");

    public List<string> FirstRunProgress { get; } = [];

    public List<string> BuildAheadProgress { get; } = [];

    public static string Project(string name) => Path.Combine(FixturesDirectory, name, name + ".csproj");

    /// <summary>
    /// A folder holding only our logger, for <see cref="SmokeRunOptions.LoggerDirectory"/>: the test output directory
    /// also holds xunit's adapter, which must not load twice.
    /// </summary>
    public static string LoggerOnlyDirectory(string parent)
    {
        var directory = Directory.CreateDirectory(Path.Combine(parent, "logger")).FullName;
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Smoke.JUnit.TestLogger.dll"), Path.Combine(directory, "Smoke.JUnit.TestLogger.dll"), overwrite: true);
        return directory;
    }

    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    /// <summary>Options every run shares: the fixtures' environment and no build servers left behind.</summary>
    public SmokeRunOptions Options(string name, IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["SMOKE_API_URL"] = "http://127.0.0.1:1/",
            ["SMOKE_API_PASSWORD"] = Password,
            ["SMOKE_FIXTURE_MARKERS"] = NewDirectory(name + "-markers"),
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return new SmokeRunOptions
        {
            ResultsDirectory = Path.Combine(_root, name),
            LoggerDirectory = LoggerDirectory,
            UseBuildServers = false,
            NoBuild = true,
            Environment = environment,
        };
    }

    /// <summary>
    /// Fixture.Broken and Fixture.Passing built by <see cref="SmokeTestRunner.BuildAsync"/>, once, from a list that
    /// also holds Fixture.Failing, which <c>Only</c> leaves out; with no environment, as before the stack is up.
    /// </summary>
    public Task<SmokeBuildResult> BuildAheadAsync() => _builtAhead ??= BuildAsync();

    public async Task InitializeAsync()
    {
        LoggerDirectory = LoggerOnlyDirectory(_root);

        var options = Options("first-run") with
        {
            NoBuild = false,
            Retries = 1,
            MaxParallel = 4,
            ProjectTimeout = TimeSpan.FromMinutes(10),
            ProjectTimeouts = new Dictionary<string, TimeSpan> { ["fixture.hanging"] = HangTimeout },
            Progress = line =>
            {
                lock (FirstRunProgress)
                {
                    FirstRunProgress.Add(line);
                }
            },
        };
        FirstRun = await new SmokeTestRunner(options).RunAsync([Passing, Failing, Hanging, Flaky], CancellationToken.None);
    }

    private Task<SmokeBuildResult> BuildAsync()
    {
        var options = Options("build-ahead") with
        {
            Only = ["Fixture.Broken", "Fixture.Passing"],
            Environment = new Dictionary<string, string>(),
            Progress = line =>
            {
                lock (BuildAheadProgress)
                {
                    BuildAheadProgress.Add(line);
                }
            },
        };
        return new SmokeTestRunner(options).BuildAsync([Broken, Passing, Failing], CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
