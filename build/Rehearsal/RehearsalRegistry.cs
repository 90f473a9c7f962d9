using Smoke.Pipeline;
using Smoke.Stack.Installation;

namespace Smoke.Build.Rehearsal;

/// <summary>
/// A real registry on 127.0.0.1 (Debian's docker-registry) that plays Docker Hub for the rehearsal: Engine 26 uses it
/// as its registry mirror, so `postgres:16` pulls what was pushed as 127.0.0.1:5000/library/postgres:16.
/// </summary>
internal static class RehearsalRegistry
{
    public const string Address = "127.0.0.1:5000";

    const string State = "/var/lib/smoke-rig/registry";

    static string LogPath => "/var/log/smoke-rig-registry.log";

    public static string Mirror => $"http://{Address}";

    public static async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await AnswersAsync(cancellationToken))
        {
            return;
        }

        if (!File.Exists("/usr/bin/docker-registry"))
        {
            await new DebianPackageInstaller(Log.Info).InstallAsync(["docker-registry"], cancellationToken);
        }

        Directory.CreateDirectory(State);
        var config = Path.Combine(State, "config.yml");
        await File.WriteAllTextAsync(
            config,
            $"version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: {Path.Combine(State, "data")}\nhttp:\n  addr: {Address}\n",
            cancellationToken);
        Log.Info($"starting the registry at {Address}, log in {LogPath}");
        var pid = await Daemon.StartAsync("/usr/bin/docker-registry", ["serve", config], LogPath, cancellationToken);
        await Daemon.WaitUntilAsync(pid, LogPath, $"the registry at {Address}", () => AnswersAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Pushes a local image of the machine's engine under a Docker Hub name (postgres:16 → library/postgres:16).</summary>
    public static async Task SeedAsync(string localImage, string hubName, CancellationToken cancellationToken)
    {
        var name = hubName.Contains('/', StringComparison.Ordinal) ? hubName : "library/" + hubName;
        var target = $"{Address}/{name}";
        Log.Info($"registry: {hubName} is {localImage}");
        await Tool.RunAsync("docker", ["tag", localImage, target], quiet: true, cancellationToken: cancellationToken);
        await Tool.RunAsync("docker", ["push", "-q", target], quiet: true, cancellationToken: cancellationToken);
    }

    static async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            return (await http.GetAsync(new Uri($"http://{Address}/v2/"), cancellationToken)).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
