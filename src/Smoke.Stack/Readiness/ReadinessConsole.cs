using Spectre.Console;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Waits with a display: a live table of services (state, probe, elapsed) on an interactive terminal, one line per
/// state change elsewhere (CI). Afterwards, each failed service's reason and last log lines.
/// </summary>
public static class ReadinessConsole
{
    /// <param name="request">What to wait for.</param>
    /// <param name="console">Where to show it; the process's console by default.</param>
    /// <param name="liveTable">Null decides by the console: a live table on an interactive terminal outside CI, lines otherwise.</param>
    /// <param name="cancellationToken">Stops the wait (Ctrl+C).</param>
    public static async Task<ReadinessReport> WaitAsync(
        ReadinessRequest request,
        IAnsiConsole? console = null,
        bool? liveTable = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        console ??= AnsiConsole.Console;
        var live = liveTable ?? (console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")));
        var report = live
            ? await WaitWithTableAsync(request, console, cancellationToken).ConfigureAwait(false)
            : await StackReadiness.WaitAsync(request, new ReadinessLineWriter(console.Profile.Out.Writer), cancellationToken).ConfigureAwait(false);
        WriteOutcome(console, report);
        return report;
    }

    /// <summary>Every failed or blocked service's reason, then the last log lines of each failed one.</summary>
    public static void WriteOutcome(IAnsiConsole console, ReadinessReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);

        // Reasons and log lines go out whole: wrapped at the console width they could not be searched in a CI log.
        var writer = console.Profile.Out.Writer;
        foreach (var service in report.Services.Where(s => !s.IsReady))
        {
            console.Write(new Text(service.IsCritical ? "error:" : "warning:", new Style(service.IsCritical ? Color.Red : Color.Yellow)));
            writer.WriteLine($" {service.Reason ?? $"service \"{service.Service}\" is not ready"}");
            if (service.LogTail.Count > 0)
            {
                writer.WriteLine($"--- last {service.LogTail.Count} log lines of {service.Service} ---");
                foreach (var line in service.LogTail)
                {
                    writer.WriteLine($"  {line}");
                }

                writer.WriteLine($"--- end of {service.Service} log ---");
            }
        }

        if (report.IsReady)
        {
            var warnings = report.Warnings.Count == 0 ? "" : $" ({report.Warnings.Count} non-critical not ready)";
            writer.WriteLine($"{report.Services.Count(s => s.IsReady)} of {report.Services.Count} services ready in {WaitDuration.Format(report.Elapsed)}{warnings}");
        }

        writer.Flush();
    }

    private static async Task<ReadinessReport> WaitWithTableAsync(ReadinessRequest request, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var table = new ReadinessTable(request.Clock);
        ReadinessReport? report = null;
        await console.Live(table.Render()).AutoClear(false).StartAsync(async live =>
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var ticking = RefreshAsync(live, table, request.Clock, stop.Token);
            try
            {
                report = await StackReadiness.WaitAsync(request, table, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await ticking.ConfigureAwait(false);
                live.UpdateTarget(table.Render());
                live.Refresh();
            }
        }).ConfigureAwait(false);
        return report!;
    }

    private static async Task RefreshAsync(LiveDisplayContext live, ReadinessTable table, TimeProvider clock, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                live.UpdateTarget(table.Render());
                live.Refresh();
                await Task.Delay(TimeSpan.FromMilliseconds(200), clock, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
