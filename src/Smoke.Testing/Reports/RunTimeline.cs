using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>The bars the Mermaid gantt and the SVG timeline draw, in the order they happened within each section.</summary>
internal static class RunTimeline
{
    public const string Targets = "Targets";
    public const string Services = "Services";
    public const string Projects = "Test projects";

    public static IReadOnlyList<TimelineBar> Bars(RunReport report)
    {
        var bars = new List<TimelineBar>();

        // Targets the engine did not time run one after the other, so they are laid end to end from the run's start.
        var cursor = report.Run.Start;
        DateTimeOffset? waitStart = null;
        foreach (var target in report.Targets.Where(target => target.Status is ReportedTargetStatus.Succeeded or ReportedTargetStatus.Failed or ReportedTargetStatus.Cancelled))
        {
            var start = target.Start ?? cursor;
            bars.Add(new TimelineBar(Targets, target.Name, start, start + target.Duration, target.Status != ReportedTargetStatus.Succeeded));
            cursor = start + target.Duration;
            if (target.Name == "WaitHealthy")
            {
                waitStart = start;
            }
        }

        // A service's time to ready counts from the start of the wait; placing an untimed one at +0 would show it
        // ready before the stack was even up.
        waitStart ??= report.Run.Start;
        bars.AddRange(report.Services.Select(service =>
        {
            var start = service.Start ?? waitStart.Value;
            return new TimelineBar(Services, service.Name + (service.Ready ? " ready" : " not ready"), start, start + (service.TimeToReady ?? TimeSpan.Zero), !service.Ready);
        }));

        bars.AddRange(report.Projects.Select(project =>
            new TimelineBar(Projects, project.Name, project.Start, project.Start + project.Duration, project.Status != SmokeProjectStatus.Passed)));

        return bars;
    }
}
