using Spectre.Console;
using Spectre.Console.Rendering;

namespace Smoke.Stack.Readiness;

/// <summary>The live table's rows, updated from the wait's threads and rendered by the display's.</summary>
internal sealed class ReadinessTable(TimeProvider clock) : IProgress<ServiceReadinessChange>
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (ServiceReadinessChange Change, long Since)> _rows = new(StringComparer.Ordinal);

    public void Report(ServiceReadinessChange value)
    {
        lock (_gate)
        {
            // The elapsed column keeps counting between changes, from the moment the change was reported.
            _rows[value.Service] = (value, clock.GetTimestamp());
        }
    }

    public IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Service", "State", "Probe", "Elapsed", "Detail");
        lock (_gate)
        {
            foreach (var (service, (change, since)) in _rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var elapsed = change.State == ServiceReadinessState.Waiting ? change.Elapsed + clock.GetElapsedTime(since) : change.Elapsed;
                var color = change.State switch
                {
                    ServiceReadinessState.Ready => "green",
                    ServiceReadinessState.Waiting => "yellow",
                    _ => change.IsCritical ? "red" : "darkorange",
                };
                var detail = change.Detail.Length > 120 ? change.Detail[..120] + "..." : change.Detail;
                table.AddRow(
                    new Text(service),
                    new Markup($"[{color}]{Markup.Escape(ReadinessLineWriter.StateText(change.State, change.IsCritical))}[/]"),
                    new Text(change.Probe),
                    new Text(WaitDuration.Format(elapsed)),
                    new Text(change.State == ServiceReadinessState.Ready ? "" : detail));
            }
        }

        return table;
    }
}
