using System.Globalization;
using System.Text.RegularExpressions;

namespace Smoke.Stack.Compose;

/// <summary>
/// For a stack the run throws away: once a service is healthy, its healthcheck runs every 10 s instead of as often as
/// written. Each check is a process the engine starts in the container; a stack checking every second keeps a good part
/// of a core busy while the smoke tests need it (docs/benchmarks.md). Until a service is healthy nothing changes: the
/// interval it was written with becomes its <c>start_interval</c>, which the engine uses while the service is starting
/// within its <c>start_period</c>. That needs Docker Engine 25 (API 1.44) and Compose v2.20; elsewhere, and for a
/// service without a <c>start_period</c>, the compose file's timings stay as written.
/// </summary>
internal static partial class QuietHealthchecks
{
    /// <summary>How often a healthy service is checked, as compose writes it.</summary>
    public const string Interval = "10s";

    /// <summary>The session override's <c>healthcheck:</c> for a service, or null when its healthcheck stays as written.</summary>
    public static Dictionary<string, object>? For(ComposeHealthcheck? healthcheck)
    {
        if (healthcheck is not { IsDisabled: false, StartInterval: null, Interval: { } interval, StartPeriod: { } startPeriod }
            || !TryParseDuration(interval, out var every)
            || !TryParseDuration(startPeriod, out var grace)
            || !TryParseDuration(Interval, out var quiet)
            || every >= quiet
            || grace <= TimeSpan.Zero)
        {
            return null;
        }

        return new Dictionary<string, object> { ["start_interval"] = interval, ["interval"] = Interval };
    }

    /// <summary>Whether this compose and engine understand <c>start_interval</c>: Compose v2.20 or later on API 1.44 or later.</summary>
    public static bool Supported(ComposeFlavor flavor, string composeVersion, string engineApiVersion) =>
        flavor == ComposeFlavor.V2
        && LeadingVersion(composeVersion) is { } compose && compose >= new Version(2, 20)
        && LeadingVersion(engineApiVersion) is { } api && api >= new Version(1, 44);

    /// <summary>A compose duration as Go writes it: <c>1s</c>, <c>500ms</c>, <c>1m30s</c>, <c>1.5h</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unit = part.Value.TrimStart("0123456789.".ToCharArray());
            var amount = double.Parse(part.Value[..^unit.Length], CultureInfo.InvariantCulture);
            duration += unit switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return true;
    }

    private static Version? LeadingVersion(string text) =>
        LeadingVersionPattern().Match(text) is { Success: true } match ? new Version(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) : null;

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^v?([0-9]+)\.([0-9]+)")]
    private static partial Regex LeadingVersionPattern();
}
