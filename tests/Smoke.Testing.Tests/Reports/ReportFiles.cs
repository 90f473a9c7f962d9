using Smoke.Testing.Reports;

namespace Smoke.Testing.Tests.Reports;

/// <summary>Writes a sample run's reports into a temporary directory and reads them back.</summary>
public sealed class ReportFiles : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-report-tests-").FullName;

    public SmokeReportFiles Failed { get; private set; } = null!;

    public SmokeReportFiles Passed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Failed = await SmokeReport.WriteAsync(SampleRuns.Failed(), Path.Combine(_root, "failed", "smoke"), [SampleRuns.Secret]);
        Passed = await SmokeReport.WriteAsync(SampleRuns.Passed(), Path.Combine(_root, "passed", "smoke"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }
}
