namespace Smoke.Testing.Reports;

/// <summary>One bar of the run's timeline: a target, the wait for a service, or a test project.</summary>
internal sealed record TimelineBar(string Section, string Label, DateTimeOffset Start, DateTimeOffset End, bool Failed)
{
    public TimeSpan Duration => End - Start;
}
