using System.Globalization;

namespace Smoke.Testing.Fixtures;

/// <summary>
/// Proves that two fixture projects really ran at the same time: each records when its test started and ended
/// in SMOKE_FIXTURE_TIMELINE, and waits for its partner to start before it ends, so a parallel run always overlaps
/// and a serial one never does.
/// </summary>
internal static class Timeline
{
    public static async Task RecordAsync(string project, string partner)
    {
        var directory = Environment.GetEnvironmentVariable("SMOKE_FIXTURE_TIMELINE");
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(directory, project + ".start"), Now());
        var wait = TimeSpan.FromSeconds(double.Parse(
            Environment.GetEnvironmentVariable("SMOKE_FIXTURE_RENDEZVOUS_SECONDS") ?? "60", CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow + wait;
        while (!File.Exists(Path.Combine(directory, partner + ".start")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, project + ".end"), Now());
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
