using System.Globalization;
using System.Text.RegularExpressions;

namespace Smoke.Stack.Readiness;

/// <summary>Durations as compose and our labels write them: <c>90s</c>, <c>2m</c>, <c>1h30m</c>, <c>1m30s</c>, <c>500ms</c>, or bare seconds.</summary>
internal static partial class WaitDuration
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        text = text.Trim();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return seconds > 0;
        }

        var match = Parts().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = Unit().Match(part.Value).Value;
            var value = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "h" => TimeSpan.FromHours(value),
                "m" => TimeSpan.FromMinutes(value),
                "s" => TimeSpan.FromSeconds(value),
                _ => TimeSpan.FromMilliseconds(value),
            };
        }

        return duration > TimeSpan.Zero;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0}ms"
        : duration.TotalSeconds < 120 && duration.Milliseconds == 0 ? $"{duration.TotalSeconds:0}s"
        : duration.TotalSeconds < 120 ? $"{duration.TotalSeconds:0.0}s"
        : $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s";

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(ms|h|m|s))+$")]
    private static partial Regex Parts();

    [GeneratedRegex(@"(ms|h|m|s)$")]
    private static partial Regex Unit();
}
