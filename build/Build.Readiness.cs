using Smoke.Pipeline;
using Smoke.Stack.Readiness;

namespace Smoke.Build;

/// <summary>Waiting until the stack is ready: every service of the compose project, or the remote services given.</summary>
internal sealed partial class Build
{
    Target WaitHealthy => _ => _
        .Description("Wait until every service is ready, then hand the tests their endpoints (SMOKE_* variables)")
        .DependsOn(ComposeUp)
        .WhenSkipped(DependencyBehavior.Execute) // --skip WaitHealthy skips the wait, never the stack the tests run against
        .Executes(async ct =>
        {
            readiness = Remote ? await WaitRemoteAsync(ct) : await WaitReadyAsync(stack!, ct);
            readiness.EnsureReady();
        });

    /// <summary>A remote environment: only the HTTP and TCP probes of --remote-services, and their endpoints for the tests.</summary>
    async Task<ReadinessReport> WaitRemoteAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<RemoteService> services;
        try
        {
            services = RemoteServiceList.Parse(RemoteServices);
        }
        catch (FormatException ex)
        {
            throw BuildFailedException.InvalidUsage(ex.Message, ex);
        }

        var request = ReadinessRequest.ForRemote(services) with { DefaultTimeout = ReadyTimeout, DiagnosticsDirectory = DiagnosticsDirectory };
        var report = await WaitShownAsync(request, cancellationToken);
        Directory.CreateDirectory(SmokeArtifactsDirectory);
        await report.Endpoints.WriteFileAsync(Path.Combine(SmokeArtifactsDirectory, "endpoints.json"), cancellationToken);
        return report;
    }

    /// <summary>Waits for every service of the project and writes the endpoints file; a rollback waits the same way.</summary>
    async Task<ReadinessReport> WaitReadyAsync(Smoke.Stack.Compose.ComposeProject project, CancellationToken cancellationToken)
    {
        var request = ReadinessRequest.ForCompose(Engine, project.Name) with
        {
            DependsOn = project.Model.DependsOn,
            DefaultTimeout = ReadyTimeout,
            DiagnosticsDirectory = DiagnosticsDirectory,
        };
        var report = await WaitShownAsync(request, cancellationToken);
        Directory.CreateDirectory(SmokeArtifactsDirectory);
        await report.Endpoints.WriteFileAsync(Path.Combine(SmokeArtifactsDirectory, "endpoints.json"), cancellationToken);
        return report;
    }

    /// <summary>
    /// The wait, shown through the build's output: a live table when the console may take one (<see cref="Log.LiveDisplay"/>),
    /// else a log line per change and, at the end, an error (a critical service) or warning per service not ready.
    /// </summary>
    static async Task<ReadinessReport> WaitShownAsync(ReadinessRequest request, CancellationToken cancellationToken)
    {
        if (Log.LiveDisplay)
        {
            return await ReadinessConsole.WaitAsync(request, liveTable: true, cancellationToken: cancellationToken);
        }

        var report = await StackReadiness.WaitAsync(request, new ReadinessLineWriter(Log.Info), cancellationToken);
        foreach (var (level, text) in ReadinessOutcome.Lines(report))
        {
            Action<string> write = level switch
            {
                ReadinessOutcomeLevel.Error => line => Log.Error(line),
                ReadinessOutcomeLevel.Warning => line => Log.Warn(line),
                _ => Log.Info,
            };
            write(text);
        }

        return report;
    }
}
