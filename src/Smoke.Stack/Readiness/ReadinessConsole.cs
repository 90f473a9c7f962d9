using Spectre.Console;

namespace Smoke.Stack.Readiness;

/// <summary>
/// Waits with a display on a console: a live table of services (state, probe, elapsed) when the caller says the
/// console may take one, else one line per state change. Afterwards, each failed service's reason and last log lines.
/// </summary>
public static class ReadinessConsole
{
    /// <param name="request">What to wait for.</param>
    /// <param name="console">Where to show it; the process's console by default.</param>
    /// <param name="liveTable">A live table, redrawn in place, instead of one line per change. The caller decides (a build asks <c>Log.LiveDisplay</c>).</param>
    /// <param name="cancellationToken">Stops the wait (Ctrl+C).</param>
    public static async Task<ReadinessReport> WaitAsync(
        ReadinessRequest request,
        IAnsiConsole? console = null,
        bool liveTable = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        console ??= AnsiConsole.Console;
        var report = liveTable
            ? await WaitWithTableAsync(request, console, cancellationToken).ConfigureAwait(false)
            : await StackReadiness.WaitAsync(request, new ReadinessLineWriter(console.Profile.Out.Writer), cancellationToken).ConfigureAwait(false);
        WriteOutcome(console, report);
        return report;
    }

    /// <summary>Every failed or blocked service's reason, then the last log lines of each failed one (<see cref="ReadinessOutcome"/>).</summary>
    public static void WriteOutcome(IAnsiConsole console, ReadinessReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        var writer = console.Profile.Out.Writer;
        foreach (var (level, text) in ReadinessOutcome.Lines(report))
        {
            if (level == ReadinessOutcomeLevel.Info)
            {
                writer.WriteLine(text);
                continue;
            }

            console.Write(new Text(level == ReadinessOutcomeLevel.Error ? "error:" : "warning:", new Style(level == ReadinessOutcomeLevel.Error ? Color.Red : Color.Yellow)));
            writer.WriteLine($" {text}");
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
