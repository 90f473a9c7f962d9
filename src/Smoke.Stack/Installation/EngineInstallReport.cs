namespace Smoke.Stack.Installation;

/// <summary>What <see cref="DockerEngineInstaller.EnsureAsync"/> found and did.</summary>
public sealed record EngineInstallReport(
    string ServerVersion,
    bool WasRunning,
    IReadOnlyList<string> InstalledPackages,
    bool StartedDaemon,
    IReadOnlyList<string> Warnings)
{
    public override string ToString()
    {
        var parts = new List<string> { WasRunning ? $"Docker engine {ServerVersion} is running" : $"Docker engine {ServerVersion} is now running" };
        if (InstalledPackages.Count > 0)
        {
            parts.Add($"installed {string.Join(' ', InstalledPackages)}");
        }

        if (StartedDaemon)
        {
            parts.Add("started dockerd");
        }

        parts.AddRange(Warnings);
        return string.Join("; ", parts);
    }
}
