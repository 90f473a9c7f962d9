using System.Globalization;

namespace SmokeTests.Shared;

/// <summary>This test run, for naming what it creates: a schema, a queue, a prompt that no other run shares.</summary>
public static class SmokeRun
{
    /// <summary>
    /// Lower-case letters and digits, safe in SQL identifiers and queue names; it starts with the UTC
    /// time so that anything a crashed run left behind shows its age.
    /// </summary>
    public static string Id { get; } =
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(0x1000000).ToString("x6", CultureInfo.InvariantCulture);
}
