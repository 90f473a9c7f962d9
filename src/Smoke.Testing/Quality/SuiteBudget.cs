using System.Globalization;
using System.Text.RegularExpressions;

namespace Smoke.Testing.Quality;

/// <summary>How long a suite should take (<paramref name="Target"/>: over it is a warning) and may take (<paramref name="Maximum"/>: over it fails the run).</summary>
public sealed partial record SuiteBudget(TimeSpan Target, TimeSpan Maximum)
{
    /// <summary>Reads <c>target/maximum</c>, e.g. <c>30s/60s</c> or <c>2m/5m</c> (durations as the build's parameters take them: 90s, 2m, 1h30m, 500ms).</summary>
    /// <param name="name">What the budget is for, named in the error.</param>
    /// <exception cref="ArgumentException">The text is not two durations, or the target is over the maximum.</exception>
    public static SuiteBudget Parse(string text, string name)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        if (parts is not [var target, var maximum] || ParseDuration(target) is not { } targetTime || ParseDuration(maximum) is not { } maximumTime)
        {
            throw new ArgumentException(
                $"the time budget of {name} is \"{text}\"; write it as target/maximum, e.g. \"30s/60s\" or \"2m/5m\"", nameof(text));
        }

        if (targetTime <= TimeSpan.Zero || targetTime > maximumTime)
        {
            throw new ArgumentException(
                $"the time budget of {name} is \"{text}\"; the target must be positive and at most the maximum", nameof(text));
        }

        return new SuiteBudget(targetTime, maximumTime);
    }

    public override string ToString() => $"{Describe(Target)}/{Describe(Maximum)}";

    internal static string Describe(TimeSpan duration) =>
        duration.TotalSeconds < 120 && duration.TotalSeconds == Math.Floor(duration.TotalSeconds)
            ? $"{(int)duration.TotalSeconds}s"
            : duration.TotalSeconds < 120
                ? $"{Math.Round(duration.TotalSeconds, 1).ToString("0.0", CultureInfo.InvariantCulture)}s"
                : duration.Seconds == 0 && duration.Milliseconds == 0
                    ? $"{(int)duration.TotalMinutes}m"
                    : $"{(int)duration.TotalMinutes}m{duration.Seconds}s";

    private static TimeSpan? ParseDuration(string text)
    {
        var match = Duration().Match(text);
        if (match.Success && match.Length > 0)
        {
            double Number(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
            return TimeSpan.FromHours(Number("h")) + TimeSpan.FromMinutes(Number("m")) + TimeSpan.FromSeconds(Number("s")) + TimeSpan.FromMilliseconds(Number("ms"));
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) && text.Contains(':', StringComparison.Ordinal) ? duration : null;
    }

    [GeneratedRegex(@"^(?:(?<h>\d+(?:\.\d+)?)h)?(?:(?<m>\d+(?:\.\d+)?)m(?!s))?(?:(?<s>\d+(?:\.\d+)?)s)?(?:(?<ms>\d+)ms)?$")]
    private static partial Regex Duration();
}
