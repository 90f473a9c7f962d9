using System.Globalization;
using System.Text.RegularExpressions;

namespace Smoke.Stack.Validation;

/// <summary>Compose's duration syntax (Go's): numbers with units, e.g. <c>10s</c>, <c>1m30s</c>, <c>500ms</c>, <c>1.5h</c>, or a bare <c>0</c>.</summary>
internal static partial class ComposeDuration
{
    public const string Examples = "10s, 1m30s or 500ms";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (text is null)
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        if (!Whole().IsMatch(text))
        {
            return false;
        }

        double ticks = 0;
        foreach (Match part in Part().Matches(text))
        {
            var number = double.Parse(part.Groups["number"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            ticks += number * part.Groups["unit"].Value switch
            {
                "h" => TimeSpan.TicksPerHour,
                "m" => TimeSpan.TicksPerMinute,
                "s" => TimeSpan.TicksPerSecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "us" or "µs" or "μs" => TimeSpan.TicksPerMicrosecond,
                _ => 0.01,
            };
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)ticks);
        return true;
    }

    [GeneratedRegex(@"^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Whole();

    [GeneratedRegex(@"(?<number>\d+(?:\.\d*)?|\.\d+)(?<unit>ns|us|µs|μs|ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
