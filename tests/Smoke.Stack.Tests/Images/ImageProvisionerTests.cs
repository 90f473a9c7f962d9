using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Fixtures;
using Smoke.Stack.Images;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Images;

[Collection(OfflineImageCollection.Name)]
public sealed class ImageProvisionerTests(OfflineImageFixture fixture)
{
    [Fact]
    public void Auto_mode_builds_offline_when_no_registry_answers_and_hands_compose_the_variables()
    {
        var image = Assert.Single(fixture.First.Images);

        Assert.Equal(ImageOrigin.Built, image.Origin);
        Assert.Matches(@"^smoke-test/probe:[0-9a-f]{12}$", image.Reference);
        Assert.Equal(image.Reference, fixture.First.Variables["PROBE_IMAGE"]);
        Assert.Equal(image.Reference.Split(':')[1], fixture.First.Variables["PROBE_TAG"]);
        Assert.Equal(TestImages.Base, fixture.First.BaseImage);
        Assert.Contains(fixture.Log, line => line.StartsWith("no registry answers (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_built_image_holds_the_context_and_the_published_app_but_not_a_stale_publish()
    {
        await using var container = new ContainerBuilder()
            .WithImage(fixture.First.Variables["PROBE_IMAGE"])
            .WithCommand("sh", "-c", "/greet.sh; ls /app")
            .Build();
        await container.StartAsync();
        await fixture.Engine.WaitContainerAsync(container.Id!);

        var lines = (await container.GetLogLinesAsync()).Select(l => l.Text).ToList();

        Assert.StartsWith("hello from run ", lines[0], StringComparison.Ordinal);
        Assert.Equal(["name.txt"], lines.Skip(1));
    }

    [Fact]
    public async Task A_second_provisioning_reuses_the_tag_instead_of_building_again()
    {
        var second = await new ImageProvisioner(fixture.Engine).ProvisionAsync(fixture.Request(ImageSource.Offline));

        var image = Assert.Single(second.Images);
        Assert.Equal(ImageOrigin.Present, image.Origin);
        Assert.Equal(fixture.First.Images[0].Reference, image.Reference);
        Assert.Equal(fixture.First.Variables, second.Variables);
    }

    [Fact]
    public async Task A_different_build_argument_is_a_different_tag()
    {
        var request = fixture.Request(ImageSource.Offline) with { BuildArgs = new Dictionary<string, string> { ["GREETING"] = "bonjour" }, ReleaseTag = "v42" };

        var result = await new ImageProvisioner(fixture.Engine).ProvisionAsync(request);
        fixture.BuiltImages.AddRange([result.Images[0].Reference, "smoke-test/probe:v42"]);

        Assert.Equal(ImageOrigin.Built, result.Images[0].Origin);
        Assert.NotEqual(fixture.First.Images[0].Reference, result.Images[0].Reference);
        Assert.Equal("v42", result.Variables["PROBE_TAG"]);
        Assert.NotNull(await fixture.Engine.TryInspectImageAsync("smoke-test/probe:v42"));
    }

    [Fact]
    public async Task Pull_mode_fails_with_the_image_and_what_to_do_when_the_registry_does_not_answer()
    {
        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => new ImageProvisioner(fixture.Engine).ProvisionAsync(fixture.Request(ImageSource.Pull)));

        Assert.StartsWith($"could not pull {OfflineImageFixture.Official} for probe: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("or use --image-source offline to build it from Debian packages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_no_recipe_makes_and_that_is_not_here_names_its_service()
    {
        var compose = Path.Combine(fixture.Root, "plain.yml");
        await File.WriteAllTextAsync(compose, "services:\n  cache:\n    image: smoke-test/no-such-image:1\n");

        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => new ImageProvisioner(fixture.Engine).ProvisionAsync(fixture.Request(ImageSource.Offline) with { Compose = ComposeFileModel.Read([compose]) }));

        Assert.Equal(
            "service \"cache\": image smoke-test/no-such-image:1 is not on the engine and could not be pulled (offline); no offline recipe makes it, so pull or build it by hand",
            error.Message);
    }

    [Fact]
    public async Task A_failing_build_step_surfaces_the_engines_error()
    {
        var context = Path.Combine(fixture.Root, "docker", "broken");
        Directory.CreateDirectory(context);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo about to fail && exit 3\n");
        var recipe = new ImageRecipe("broken", "docker/broken", "smoke-test/broken", new Dictionary<string, string> { ["PROBE_IMAGE"] = "{image}" });

        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => new ImageProvisioner(fixture.Engine).ProvisionAsync(fixture.Request(ImageSource.Offline) with { Recipes = [recipe] }));

        Assert.StartsWith("building the broken image (smoke-test/broken:", error.Message, StringComparison.Ordinal);
        Assert.Contains("returned a non-zero code: 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("about to fail", error.Message, StringComparison.Ordinal);
    }
}
