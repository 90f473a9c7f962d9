using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Images;

/// <summary>
/// A recipe with no official image builds on a base pulled from a real registry (seeded with the test base under a
/// tag of this test's own, then removed from the engine), and debootstrap never runs.
/// </summary>
public sealed class PulledBaseTests(LocalRegistry registry) : IClassFixture<LocalRegistry>, IAsyncLifetime
{
    private readonly DockerEngineClient _engine = DockerEngineClient.FromEnvironment();
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-pulled-base-").FullName;
    private readonly List<string> _log = [];
    private readonly List<string> _built = [];
    private string _base = "";

    private ImageRecipe Recipe => new("based", "docker/based", "smoke-test/based", new Dictionary<string, string> { ["BASED_IMAGE"] = "{image}" })
    {
        PullableBase = _base,
    };

    public async Task InitializeAsync()
    {
        var context = Path.Combine(_root, "docker", "based");
        Directory.CreateDirectory(context);
        await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY marker.txt /marker.txt\n");
        await File.WriteAllTextAsync(Path.Combine(context, "marker.txt"), $"run {Guid.NewGuid():N}");
        await File.WriteAllTextAsync(Path.Combine(_root, "docker-compose.yml"), "services:\n  based:\n    image: ${BASED_IMAGE}\n");

        _base = await registry.PushAsync(TestImages.Base, $"smoke-test/base:{Guid.NewGuid():N}");
        await _engine.RemoveImageAsync(_base);
        Assert.Null(await _engine.TryInspectImageAsync(_base));
    }

    [Theory]
    [InlineData(ImageSource.Auto)]
    [InlineData(ImageSource.Pull)]
    public async Task A_recipe_without_an_official_image_pulls_its_base_and_builds_on_it(ImageSource source)
    {
        var result = await ProvisionAsync(Request(source) with { Recipes = [Recipe] });

        var image = Assert.Single(result.Images);
        Assert.Equal(ImageOrigin.Built, image.Origin);
        Assert.Equal(_base, result.BaseImage);
        Assert.Contains($"pulling {_base}", _log);
        Assert.Contains(_log, line => line.StartsWith($"building {image.Reference} ", StringComparison.Ordinal) && line.EndsWith($" on {_base}", StringComparison.Ordinal));
        Assert.DoesNotContain(_log, line => line.Contains("debootstrap", StringComparison.Ordinal));
        Assert.Equal((await _engine.TryInspectImageAsync(TestImages.Base))!.Id, (await _engine.TryInspectImageAsync(_base))!.Id);
    }

    [Fact]
    public async Task A_given_base_that_is_not_on_the_engine_is_pulled_and_wins_over_the_recipes()
    {
        var recipe = Recipe with { PullableBase = "127.0.0.1:1/smoke-test/never-pulled:1" };

        var result = await ProvisionAsync(Request(ImageSource.Auto) with { Recipes = [recipe], BaseImage = _base });

        Assert.Equal(ImageOrigin.Built, Assert.Single(result.Images).Origin);
        Assert.Equal(_base, result.BaseImage);
        Assert.Contains($"pulling {_base}", _log);
        Assert.DoesNotContain(_log, line => line.Contains("never-pulled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_given_base_is_not_pulled_offline_and_the_error_says_how_to_get_it()
    {
        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => ProvisionAsync(Request(ImageSource.Offline) with { Recipes = [Recipe], BaseImage = _base }));

        Assert.Equal(BuildBases.GivenBaseOffline(_base), error.Message);
        Assert.Null(await _engine.TryInspectImageAsync(_base));
    }

    public async Task DisposeAsync()
    {
        foreach (var image in _built)
        {
            await _engine.RemoveImageAsync(image, force: true);
        }

        // Only a tag: the image is the test base's, which other tests still use.
        await _engine.RemoveImageAsync(_base);

        _engine.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private ImageProvisioningRequest Request(ImageSource source) =>
        new(ComposeFileModel.Read([Path.Combine(_root, "docker-compose.yml")]), _root) { Source = source, PullProbeTimeout = TimeSpan.FromSeconds(30) };

    private async Task<ImageProvisioningResult> ProvisionAsync(ImageProvisioningRequest request)
    {
        var result = await new ImageProvisioner(_engine, _log.Add).ProvisionAsync(request);
        _built.AddRange(result.Images.Where(i => i.Origin == ImageOrigin.Built).Select(i => i.Reference));
        return result;
    }
}
