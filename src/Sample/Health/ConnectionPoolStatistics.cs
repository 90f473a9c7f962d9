using System.Diagnostics.Metrics;

namespace Sample.Health;

/// <summary>
/// Npgsql keeps its pool counters internal and publishes them only as metrics, so this listens to
/// the "Npgsql" meter and reads the instruments of the one pool it is told about.
/// </summary>
internal sealed class ConnectionPoolStatistics : IDisposable
{
    private readonly string poolName;
    private readonly MeterListener listener = new();
    private readonly Lock gate = new();
    private long idle;
    private long busy;
    private long max;
    private long pending;

    public ConnectionPoolStatistics(string poolName)
    {
        this.poolName = poolName;
        listener.InstrumentPublished = (instrument, meterListener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is "db.client.connection.count"
                    or "db.client.connection.max" or "db.client.connection.npgsql.pending_requests")
            {
                meterListener.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();
    }

    public IReadOnlyDictionary<string, object> Snapshot()
    {
        lock (gate)
        {
            idle = busy = max = pending = 0;
            listener.RecordObservableInstruments();
            return new Dictionary<string, object>
            {
                ["idle"] = idle,
                ["busy"] = busy,
                ["max"] = max,
                ["pending"] = pending,
            };
        }
    }

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        string? pool = null;
        string? state = null;
        foreach (var tag in tags)
        {
            if (tag.Key == "db.client.connection.pool.name")
            {
                pool = tag.Value as string;
            }
            else if (tag.Key == "db.client.connection.state")
            {
                state = tag.Value as string;
            }
        }

        if (pool != poolName)
        {
            return;
        }

        switch (instrument.Name)
        {
            case "db.client.connection.count" when state == "idle":
                idle += value;
                break;
            case "db.client.connection.count":
                busy += value;
                break;
            case "db.client.connection.max":
                max += value;
                break;
            default:
                pending += value;
                break;
        }
    }
}
