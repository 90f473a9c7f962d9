using System.Formats.Tar;
using System.Text;
using Smoke.Stack.Engine;

namespace Smoke.Build.Tests.Release;

/// <summary>
/// Releases of the sample app as image tags, as a registry would hold them: a good one (the sample image the Images
/// target built) and bad ones with a SAMPLE_FAULT baked in. Every tag made here is removed on dispose.
/// </summary>
internal sealed class ReleaseImages : IAsyncDisposable
{
    public const string Repository = "smoke/sample";

    /// <summary>The sample image of the current source, tagged by every Images run of the Smoke chain.</summary>
    public const string SourceImage = "smoke/sample:dev";

    private readonly DockerEngineClient engine;
    private readonly List<string> tags = [];

    public ReleaseImages(DockerEngineClient engine)
    {
        this.engine = engine;
    }

    /// <summary>Tags the sample image of the current source as <c>smoke/sample:&lt;release&gt;</c>.</summary>
    public async Task<string> GoodAsync(string release)
    {
        if (await engine.TryInspectImageAsync(SourceImage) is null)
        {
            throw new InvalidOperationException($"{SourceImage} is not on the engine; run ./build.sh Images (./build.sh Test does) before these tests");
        }

        var tag = $"{Repository}:{release}";
        await engine.TagImageAsync(SourceImage, tag);
        tags.Add(tag);
        return release;
    }

    /// <summary>Builds <c>smoke/sample:&lt;release&gt;</c>: the good image with <paramref name="fault"/> baked in as SAMPLE_FAULT, as the sample Dockerfile's build argument does.</summary>
    public async Task<string> BadAsync(string release, string fault)
    {
        var tag = $"{Repository}:{release}";
        using var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            // The good image sets ENV SAMPLE_FAULT already, and an ENV wins over a build argument of the same name.
            var dockerfile = Encoding.UTF8.GetBytes($"FROM {SourceImage}\nARG FAULT\nENV SAMPLE_FAULT=${{FAULT}}\n");
            await tar.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "Dockerfile") { DataStream = new MemoryStream(dockerfile) });
        }

        context.Position = 0;
        await engine.BuildImageAsync(
            new ImageBuildRequest([tag])
            {
                BuildArgs = new Dictionary<string, string> { ["FAULT"] = fault },
                Labels = new Dictionary<string, string> { ["io.smoke.test"] = "true" },
            },
            context);
        tags.Add(tag);
        return release;
    }

    /// <summary>Takes a release's tag away (the image itself stays while containers use it); returns what brings it back.</summary>
    public async Task<Func<Task>> RemoveAsync(string release)
    {
        var tag = $"{Repository}:{release}";
        var id = (await engine.TryInspectImageAsync(tag))?.Id ?? throw new InvalidOperationException($"{tag} does not exist");
        await engine.RemoveImageAsync(tag, force: true);
        return () => engine.TagImageAsync(id, tag);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var tag in tags)
        {
            try
            {
                await engine.RemoveImageAsync(tag, force: true);
            }
            catch (DockerEngineApiException)
            {
                // Still used by a container that is being removed; the untagged layers are shared with the good image anyway.
            }
        }
    }
}
