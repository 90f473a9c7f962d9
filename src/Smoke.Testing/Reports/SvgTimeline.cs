using System.Globalization;
using System.Text;

namespace Smoke.Testing.Reports;

/// <summary>The run's timeline as inline SVG: one row per target, service wait and test project, on a shared time axis.</summary>
internal static class SvgTimeline
{
    private const int Width = 1200;
    private const int LabelWidth = 240;
    private const int ChartLeft = LabelWidth + 10;
    private const int ChartRight = Width - 90;
    private const int RowHeight = 24;
    private const int AxisHeight = 28;

    private static readonly int[] StepSeconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];

    public static string Render(IReadOnlyList<TimelineBar> bars, ReportText text)
    {
        if (bars.Count == 0)
        {
            return "<p>No timings were recorded.</p>";
        }

        var origin = bars.Min(bar => bar.Start);
        var span = Math.Max((bars.Max(bar => bar.End) - origin).TotalSeconds, 1);
        double X(DateTimeOffset time) => ChartLeft + ((time - origin).TotalSeconds / span * (ChartRight - ChartLeft));

        var sections = bars.GroupBy(bar => bar.Section).ToList();
        var height = AxisHeight + ((bars.Count + sections.Count) * RowHeight) + 8;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Timeline of the run\">\n");

        var step = StepSeconds.FirstOrDefault(seconds => span / seconds <= 10, StepSeconds[^1]);
        for (var seconds = 0; seconds <= span; seconds += step)
        {
            var x = Number(ChartLeft + (seconds / span * (ChartRight - ChartLeft)));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x}\" y1=\"{AxisHeight - 6}\" x2=\"{x}\" y2=\"{height}\" class=\"grid\" />\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{AxisHeight - 10}\" class=\"tick\">+{DurationText.Format(TimeSpan.FromSeconds(seconds))}</text>\n");
        }

        var y = AxisHeight;
        foreach (var section in sections)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 17}\" class=\"section\">{text.Html(section.Key)}</text>\n");
            y += RowHeight;
            foreach (var bar in section)
            {
                var x = X(bar.Start);
                var width = Math.Max(X(bar.End) - x, 2);
                var state = bar.Failed ? "failed" : "ok";
                var label = text.Html(bar.Label);
                var duration = DurationText.Format(bar.Duration);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"14\" y=\"{y + 16}\" class=\"label\">{text.Html(Clip(text.Plain(bar.Label)))}</text>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Number(x)}\" y=\"{y + 4}\" width=\"{Number(width)}\" height=\"{RowHeight - 8}\" rx=\"3\" class=\"bar {state}\"><title>{label}: {duration}</title></rect>\n");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Number(x + width + 6)}\" y=\"{y + 16}\" class=\"duration\">{duration}</text>\n");
                y += RowHeight;
            }
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Long names would run into the bars; the full name stays in the bar's tooltip.</summary>
    private static string Clip(string label) => label.Length <= 36 ? label : label[..35] + "…";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
