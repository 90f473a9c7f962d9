namespace Smoke.Release.Tests;

/// <summary>Release records and intents as a deploy would make them.</summary>
internal static class Releases
{
    public static ReleaseIntent Intent(string release, string? sha = null) =>
        new(release, Images(release), sha ?? $"{release}0000000000000000000000000000000000000"[..40], "alice");

    public static Dictionary<string, string> Images(string release) => new()
    {
        ["api"] = $"smoke/api:{release}",
        ["worker"] = $"smoke/worker:{release}",
    };

    public static ReleaseRecord Record(string release, ReleaseVerdict verdict = ReleaseVerdict.Passed) =>
        new(Guid.NewGuid().ToString("N")[..12], release, ReleaseAction.Deploy, Images(release), null, "alice", new DateTimeOffset(2026, 11, 21, 18, 0, 0, TimeSpan.Zero))
        {
            Verdict = verdict,
        };
}
