namespace Smoke.Pipeline.Tests;

/// <summary>A clock that moves one second each time it is read, so sequential runs have fixed durations.</summary>
internal sealed class SteppingClock : TimeProvider
{
    private long ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref ticks, TimeSpan.TicksPerSecond);
}
