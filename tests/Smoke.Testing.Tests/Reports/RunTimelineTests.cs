using System.Text.RegularExpressions;
using Smoke.Shared;
using Smoke.Testing.Reports;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Reports;

public sealed partial class RunTimelineTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 14, 13, 0, 0, TimeSpan.Zero);

    /// <summary>A run as an older build reports it: targets and services carry durations but no start times.</summary>
    private static RunReport Untimed() => new(new RunInfo("run-44", Start, Start.AddSeconds(30), "laptop"))
    {
        Targets =
        [
            new ReportedTarget("ValidateConfig", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(1)),
            new ReportedTarget("ComposeUp", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(7)),
            new ReportedTarget("WaitHealthy", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(10)),
            new ReportedTarget("SmokeTests", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(12)),
        ],
        Services = [new ReportedService("api", true, TimeSpan.FromSeconds(9)), new ReportedService("postgres", true, TimeSpan.FromSeconds(3))],
    };

    [Fact]
    public void An_untimed_service_is_placed_at_the_start_of_the_wait_not_at_the_start_of_the_run()
    {
        var bars = RunTimeline.Bars(Untimed());

        var wait = bars.Single(bar => bar.Label == "WaitHealthy");
        var api = bars.Single(bar => bar.Label == "api ready");
        Assert.Equal(Start.AddSeconds(8), wait.Start);
        Assert.Equal((Start.AddSeconds(8), Start.AddSeconds(17)), (api.Start, api.End));
        Assert.All(bars.Where(bar => bar.Section == RunTimeline.Services), bar => Assert.InRange(bar.Start, wait.Start, wait.End));
    }

    [Fact]
    public void A_service_that_knows_when_its_wait_began_keeps_that_start()
    {
        var report = Untimed() with { Services = [new ReportedService("api", true, TimeSpan.FromSeconds(4)) { Start = Start.AddSeconds(12) }] };

        var api = RunTimeline.Bars(report).Single(bar => bar.Label == "api ready");

        Assert.Equal(Start.AddSeconds(12), api.Start);
    }

    [Fact]
    public void In_the_html_timeline_the_services_lane_starts_where_WaitHealthy_does()
    {
        var svg = SvgTimeline.Render(RunTimeline.Bars(Untimed()), new ReportText(SecretMask.None));

        var x = BarX().Matches(svg).ToDictionary(m => m.Groups["label"].Value, m => m.Groups["x"].Value);
        Assert.Equal(x["WaitHealthy"], x["api ready"]);
        Assert.NotEqual(x["ValidateConfig"], x["api ready"]);
    }

    [GeneratedRegex("<rect x=\"(?<x>[0-9.]+)\"[^>]*><title>(?<label>[^:<]+):")]
    private static partial Regex BarX();
}
