using System.Xml.Linq;

namespace Smoke.JUnit.TestLogger.Tests.EndToEnd;

/// <summary>
/// Builds the fixture project and runs it once with <c>--logger "junit;LogFilePath=..."</c>; slow, so shared by a test class.
/// Later runs reuse the build (<c>--no-build</c>).
/// </summary>
public sealed class FixtureRun : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"smoke-junit-e2e-{Guid.NewGuid():N}");

    private string Artifacts => Path.Combine(_root, "artifacts");

    internal DotnetTestRun Run { get; private set; } = null!;

    public string OutputDirectory => Path.Combine(_root, "out");

    public string ReportPath => Path.Combine(OutputDirectory, "JUnitFixture.xml");

    /// <summary>The report as written, parsed; loading it is the well-formedness check.</summary>
    public XDocument Report { get; private set; } = null!;

    public string ReportText { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        Run = await DotnetTest.RunAsync(
            [
                "--artifacts-path", Artifacts,
                "--results-directory", Path.Combine(_root, "results"),
                "--test-adapter-path", DotnetTest.LoggerDirectory,
                "--logger", $"junit;LogFilePath={Path.Combine(OutputDirectory, "{assembly}.xml")}",
                "-p:UseSharedCompilation=false",
            ],
            CancellationToken.None);
        if (!File.Exists(ReportPath))
        {
            throw new InvalidOperationException($"dotnet test exited with {Run.ExitCode} and wrote no report at {ReportPath}; its output:\n{Run.Output}");
        }

        ReportText = await File.ReadAllTextAsync(ReportPath);
        Report = XDocument.Load(ReportPath);
    }

    /// <summary>Runs the built fixture again with another logger argument and a results directory of its own.</summary>
    internal Task<DotnetTestRun> RunAgainAsync(
        string loggerArgument,
        string resultsDirectory,
        string? filter = null,
        IReadOnlyDictionary<string, string>? environment = null) =>
        DotnetTest.RunAsync(
            [
                "--no-build",
                "--artifacts-path", Artifacts,
                "--results-directory", resultsDirectory,
                "--test-adapter-path", DotnetTest.LoggerDirectory,
                "--logger", loggerArgument,
                .. filter is null ? Array.Empty<string>() : ["--filter", filter],
            ],
            CancellationToken.None,
            environment);

    public string NewDirectory(string name) => Directory.CreateDirectory(Path.Combine(_root, name)).FullName;

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
