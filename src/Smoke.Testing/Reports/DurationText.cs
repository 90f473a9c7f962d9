using System.Globalization;

namespace Smoke.Testing.Reports;

/// <summary>Durations as people read them in logs and reports: <c>850ms</c>, <c>4.2s</c>, <c>3m 05s</c>, <c>1h 02m</c>.</summary>
internal static class DurationText
{
    public static string Format(TimeSpan duration) => duration switch
    {
        { TotalSeconds: < 1 } => $"{(int)Math.Round(duration.TotalMilliseconds)}ms",
        { TotalSeconds: < 60 } => $"{Math.Round(duration.TotalSeconds, 1).ToString("0.0", CultureInfo.InvariantCulture)}s",
        { TotalHours: < 1 } => $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s",
        _ => $"{(int)duration.TotalHours}h {duration.Minutes:00}m",
    };

    /// <summary>Seconds with millisecond precision, for JSON and XML.</summary>
    public static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 3);
}
