using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Images;

/// <summary>
/// One small offline image, provisioned once per test run on the SMOKE_BASE_IMAGE base: a repository with
/// docker/probe/Dockerfile, a published "app" directory and a compose file naming the image through a variable
/// whose official default lives on an unreachable registry (127.0.0.1:1), so auto mode must fall back to building.
/// </summary>
public sealed class OfflineImageFixture : IAsyncLifetime
{
    public const string Official = "127.0.0.1:1/smoke-test/probe:official";

    public static readonly ImageRecipe Recipe = new("probe", "docker/probe", "smoke-test/probe", new Dictionary<string, string> { ["PROBE_IMAGE"] = "{image}", ["PROBE_TAG"] = "{release}" })
    {
        OfficialImage = Official,
        PublishedAppPath = "app",
        OptionalBuildArgs = ["GREETING"],
    };

    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"smoke-images-test-{Guid.NewGuid():N}");

    public string PublishedApp => Path.Combine(Root, "published");

    public string ComposeFile => Path.Combine(Root, "docker-compose.yml");

    public DockerEngineClient Engine { get; } = DockerEngineClient.FromEnvironment();

    public List<string> Log { get; } = [];

    public ImageProvisioningResult First { get; private set; } = null!;

    public List<string> BuiltImages { get; } = [];

    public ImageProvisioningRequest Request(ImageSource source) => new(ComposeFileModel.Read([ComposeFile]), Root)
    {
        Source = source,
        Recipes = [Recipe],
        BaseImage = TestImages.Base,
        PublishedAppDirectory = PublishedApp,
        PullProbeTimeout = TimeSpan.FromSeconds(30),
    };

    public async Task InitializeAsync()
    {
        var context = Path.Combine(Root, "docker", "probe");
        Directory.CreateDirectory(Path.Combine(context, "app"));
        Directory.CreateDirectory(PublishedApp);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), """
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE}
            ARG GREETING=hello
            ENV GREETING=${GREETING}
            COPY app/ /app/
            COPY greet.sh /greet.sh
            CMD ["/greet.sh"]
            """);
        await File.WriteAllTextAsync(Path.Combine(context, "greet.sh"), "#!/bin/sh\necho \"$GREETING from $(cat /app/name.txt)\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(context, "greet.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        await File.WriteAllTextAsync(Path.Combine(context, "app", "stale.txt"), "a stale publish that must not reach the image");

        // Unique per run, so this run's tag is its own and is removed afterwards.
        await File.WriteAllTextAsync(Path.Combine(PublishedApp, "name.txt"), $"run {Guid.NewGuid():N}");
        await File.WriteAllTextAsync(ComposeFile, $$"""
            services:
              probe:
                image: ${PROBE_IMAGE:-{{Official}}}
            """);

        First = await new ImageProvisioner(Engine, Log.Add).ProvisionAsync(Request(ImageSource.Auto));
        BuiltImages.AddRange(First.Images.Select(i => i.Reference));
    }

    public async Task DisposeAsync()
    {
        foreach (var image in BuiltImages.Distinct())
        {
            await Engine.RemoveImageAsync(image, force: true);
        }

        Engine.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
