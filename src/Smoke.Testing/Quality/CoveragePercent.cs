using System.Globalization;

namespace Smoke.Testing.Quality;

/// <summary>Line rates as percentages, shown the same way everywhere (one decimal, rounded down so 84.99% never reads as 85%).</summary>
internal static class CoveragePercent
{
    public static decimal Of(int covered, int valid) => valid == 0 ? 100m : covered * 100m / valid;

    public static string Text(decimal percent) =>
        (Math.Floor(percent * 10m) / 10m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Compares without rounding: covered/valid below threshold/100, multiplied out.</summary>
    public static bool IsBelow(int covered, int valid, decimal threshold) => valid > 0 && covered * 100m < threshold * valid;
}
