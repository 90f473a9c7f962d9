using System.Globalization;

namespace Smoke.Testing.Quality;

/// <summary>The line coverage each measured assembly must reach: one default, and overrides for particular assemblies.</summary>
/// <param name="Default">Percent (0-100) for every assembly without an override.</param>
public sealed record CoverageThresholds(decimal Default)
{
    /// <summary>Percent per assembly name (compared without regard to case).</summary>
    public IReadOnlyDictionary<string, decimal> PerAssembly { get; init; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);

    public decimal For(string assembly) =>
        PerAssembly.FirstOrDefault(pair => string.Equals(pair.Key, assembly, StringComparison.OrdinalIgnoreCase)) is { Key: not null } match
            ? match.Value
            : Default;

    /// <summary>Reads overrides written as <c>Assembly=percent</c>, e.g. <c>Smoke.Stack=70</c>, as the <c>CoverageThresholds</c> parameter takes them.</summary>
    /// <exception cref="ArgumentException">A threshold is out of range or an override is not <c>Assembly=percent</c>; the message names it.</exception>
    public static CoverageThresholds Parse(decimal defaultPercent, IEnumerable<string> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        Check("CoverageThreshold", defaultPercent);
        var perAssembly = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in overrides)
        {
            var parts = entry.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts is not [{ Length: > 0 } assembly, var text]
                || !decimal.TryParse(text.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
            {
                throw new ArgumentException(
                    $"coverage threshold \"{entry}\" is not Assembly=percent; write it like \"Smoke.Stack=70\"", nameof(overrides));
            }

            Check($"the coverage threshold of {assembly}", percent);
            perAssembly[assembly] = percent;
        }

        return new CoverageThresholds(defaultPercent) { PerAssembly = perAssembly };
    }

    private static void Check(string name, decimal percent)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentException($"{name} is {percent.ToString(CultureInfo.InvariantCulture)}; give a percentage between 0 and 100", nameof(percent));
        }
    }
}
