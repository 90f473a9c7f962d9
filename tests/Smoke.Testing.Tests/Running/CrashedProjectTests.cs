using System.Xml.Linq;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

/// <summary>A real run of a project whose test host crashes (Fixtures/Fixture.Crashing), with a retry allowed.</summary>
public sealed class CrashedProjectTests : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-crashed-").FullName;

    private SmokeProjectResult _result = null!;

    public async Task InitializeAsync()
    {
        var loggerDirectory = FixtureProjects.LoggerOnlyDirectory(_root);
        var options = new SmokeRunOptions
        {
            ResultsDirectory = Path.Combine(_root, "results"),
            LoggerDirectory = loggerDirectory,
            UseBuildServers = false,
            Retries = 1,
            ProjectTimeout = TimeSpan.FromMinutes(10),
        };
        var run = await new SmokeTestRunner(options).RunAsync([FixtureProjects.Project("Fixture.Crashing")], CancellationToken.None);
        _result = Assert.Single(run.Projects);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void A_crashed_test_host_is_one_error_with_the_crash_in_its_text_and_is_not_retried()
    {
        Assert.Equal(SmokeProjectStatus.Crashed, _result.Status);
        Assert.Single(_result.Attempts);
        var report = XDocument.Load(_result.JUnitFile!);
        var error = Assert.Single(report.Descendants("error"));
        Assert.Equal("[project crashed]", (string?)error.Parent!.Attribute("name"));
        Assert.Contains("aborted", error.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("1", (string?)report.Root!.Attribute("errors"));
        Assert.DoesNotContain(report.Descendants("testcase"), testCase => (string?)testCase.Attribute("name") == "test host aborted");
    }
}
