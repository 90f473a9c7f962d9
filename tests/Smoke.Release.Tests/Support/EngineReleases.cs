using System.Formats.Tar;
using System.Text;
using Smoke.Stack.Engine;
using Smoke.Stack.Tests.Support;

namespace Smoke.Release.Tests.Support;

/// <summary>
/// Two releases of a tiny application on the Docker engine, built on the Debian base image: a good one that says
/// "ready" and stays up, and a bad one that exits at start. Every tag made here is removed on dispose.
/// </summary>
public sealed class EngineReleases : IAsyncLifetime
{
    public const string Repository = "smoke-release-test/app";

    /// <summary>A value the bad release prints, which the diagnostics must mask.</summary>
    public const string Secret = "hunter2-release-test";

    private readonly string _id = Guid.NewGuid().ToString("N")[..8];

    internal DockerEngineClient Engine { get; } = DockerEngineClient.FromEnvironment();

    public string Good => $"good-{_id}";

    public string Bad => $"bad-{_id}";

    public async Task InitializeAsync()
    {
        await BuildAsync(Good, """["sh", "-c", "echo ready; exec sleep 300"]""");
        await BuildAsync(Bad, $$"""["sh", "-c", "echo 'starting with password {{Secret}}'; exit 3"]""");
    }

    /// <summary>Takes a release's tag away (its image stays while containers use it).</summary>
    public Task UntagAsync(string release) => Engine.RemoveImageAsync($"{Repository}:{release}", force: true);

    public async Task DisposeAsync()
    {
        foreach (var release in new[] { Good, Bad })
        {
            if (await Engine.TryInspectImageAsync($"{Repository}:{release}") is not null)
            {
                await UntagAsync(release);
            }
        }

        Engine.Dispose();
    }

    private async Task BuildAsync(string release, string command)
    {
        using var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            var dockerfile = Encoding.UTF8.GetBytes($"FROM {TestImages.Base}\nCMD {command}\n");
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(dockerfile) });
        }

        context.Position = 0;
        await Engine.BuildImageAsync(
            new ImageBuildRequest([$"{Repository}:{release}"]) { Labels = new Dictionary<string, string> { ["io.smoke.test"] = "true" } },
            context);
    }
}
