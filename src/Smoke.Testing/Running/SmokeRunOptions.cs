namespace Smoke.Testing.Running;

/// <summary>How <see cref="SmokeTestRunner"/> builds and runs the smoke test projects.</summary>
public sealed record SmokeRunOptions
{
    /// <summary>Where the JUnit files go: <c>&lt;assembly&gt;.junit.xml</c> per project, attempts under <c>attempts/</c>. Usually <c>artifacts/test-results</c>.</summary>
    public required string ResultsDirectory { get; init; }

    /// <summary>The directory holding <c>Smoke.JUnit.TestLogger.dll</c>, passed as <c>--test-adapter-path</c>.</summary>
    public required string LoggerDirectory { get; init; }

    /// <summary>How many projects run at the same time.</summary>
    public int MaxParallel { get; init; } = System.Environment.ProcessorCount;

    /// <summary>The most one project may take, retries included; a project still running then is killed and reported hung.</summary>
    public TimeSpan ProjectTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Timeouts for particular projects, by project name (any case); the others get <see cref="ProjectTimeout"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> ProjectTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    public SmokeRunMode Mode { get; init; } = SmokeRunMode.Full;

    /// <summary>
    /// Project names (file name without <c>.csproj</c>, any case) or categories. A named project runs whole;
    /// every other project runs only its tests in the named categories. Empty: everything runs.
    /// </summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    /// <summary>How many times the failed tests of a project are run again; a test that passes on a retry is flaky.</summary>
    public int Retries { get; init; }

    /// <summary>The build configuration of <c>dotnet build</c> and <c>dotnet test</c>.</summary>
    public string Configuration { get; init; } = "Release";

    /// <summary>Skip the build: the projects were built already with the same <see cref="Configuration"/>.</summary>
    public bool NoBuild { get; init; }

    /// <summary>
    /// The projects built ahead by <see cref="SmokeTestRunner.BuildAsync"/>: the run builds nothing (as with
    /// <see cref="NoBuild"/>) and reports each project that did not compile in it as build failed. It must cover every
    /// selected project and have been made with the same <see cref="Configuration"/>. Null: the run builds, unless <see cref="NoBuild"/>.
    /// </summary>
    public SmokeBuildResult? Build { get; init; }

    /// <summary>False passes <c>--disable-build-servers</c>, so no MSBuild node or compiler server outlives the build.</summary>
    public bool UseBuildServers { get; init; } = true;

    /// <summary>
    /// Variables for the test processes: the <c>SMOKE_*</c> endpoints and the credentials. Never printed; values of
    /// variables named like a secret (SecretNames: PASS, PWD, SECRET, TOKEN, KEY, CREDENTIAL) are masked in the output kept.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>More values to mask as <c>***</c> in everything the runner keeps of the processes' output.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>How many of the last output lines of a project are kept for diagnostics.</summary>
    public int OutputTailLines { get; init; } = 40;

    /// <summary>Receives one line per event (a project started, was retried, finished), from several threads.</summary>
    public Action<string>? Progress { get; init; }

    internal SmokeRunOptions Validate()
    {
        if (MaxParallel < 1)
        {
            throw new ArgumentException($"smoke runner: MaxParallel is {MaxParallel}; it must be at least 1", nameof(MaxParallel));
        }

        if (ProjectTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"smoke runner: ProjectTimeout is {ProjectTimeout}; give each project a positive time", nameof(ProjectTimeout));
        }

        foreach (var (project, timeout) in ProjectTimeouts.Where(pair => pair.Value <= TimeSpan.Zero))
        {
            throw new ArgumentException($"smoke runner: the timeout of {project} is {timeout}; give it a positive time", nameof(ProjectTimeouts));
        }

        if (Retries < 0)
        {
            throw new ArgumentException($"smoke runner: Retries is {Retries}; use 0 for no retries", nameof(Retries));
        }

        if (Build is not null && !string.Equals(Build.Configuration, Configuration, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"smoke runner: the build given as Build was made with Configuration {Build.Configuration} and this run uses {Configuration}; "
                + "dotnet test --no-build would not find its assemblies, so build ahead with the run's Configuration",
                nameof(Build));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(ResultsDirectory);
        if (!Directory.Exists(LoggerDirectory) || !File.Exists(Path.Combine(LoggerDirectory, "Smoke.JUnit.TestLogger.dll")))
        {
            throw new ArgumentException(
                $"smoke runner: the logger directory \"{LoggerDirectory}\" holds no Smoke.JUnit.TestLogger.dll; build src/Smoke.JUnit.TestLogger and pass its output directory",
                nameof(LoggerDirectory));
        }

        return this;
    }

    internal TimeSpan TimeoutOf(string projectName) =>
        ProjectTimeouts.FirstOrDefault(pair => string.Equals(pair.Key, projectName, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match
            ? match.Value
            : ProjectTimeout;
}
