using Smoke.Stack.Images;
using Smoke.Stack.Processes;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Images;

/// <summary>A recipe's pullable base on a registry that never answers (127.0.0.1:1): auto falls back to the debootstrap base, pull fails.</summary>
[Collection(OfflineImageCollection.Name)]
public sealed class BaseFallbackTests(OfflineImageFixture fixture)
{
    private const string Unreachable = "127.0.0.1:1/smoke-test/base:unreachable";

    private static readonly ImageRecipe Recipe = OfflineImageFixture.Recipe with { Name = "probe-on-pulled", Repository = "smoke-test/probe-on-pulled", OfficialImage = null, PullableBase = Unreachable };

    [Fact]
    public async Task Auto_mode_builds_on_the_debootstrap_base_when_the_pullable_base_cannot_be_pulled()
    {
        var debianBase = await RequireDebianBaseAsync();
        var log = new List<string>();

        var result = await new ImageProvisioner(fixture.Engine, log.Add).ProvisionAsync(fixture.Request(ImageSource.Auto) with { Recipes = [Recipe], BaseImage = null });
        fixture.BuiltImages.AddRange(result.Images.Where(i => i.Origin == ImageOrigin.Built).Select(i => i.Reference));

        Assert.Equal(debianBase, result.BaseImage);
        Assert.StartsWith("smoke-test/probe-on-pulled:", Assert.Single(result.Images).Reference, StringComparison.Ordinal);
        Assert.Single(log, line => line.StartsWith($"could not pull {Unreachable} (", StringComparison.Ordinal)
            && line.EndsWith("); building probe-on-pulled on the Debian base made with debootstrap instead", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pull_mode_fails_naming_the_base_that_could_not_be_pulled_and_what_to_do()
    {
        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => new ImageProvisioner(fixture.Engine).ProvisionAsync(fixture.Request(ImageSource.Pull) with { Recipes = [Recipe], BaseImage = null }));

        Assert.StartsWith($"could not pull {Unreachable}, the base of the probe-on-pulled image: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(
            $"; check the registry (docker pull {Unreachable}), or pass --base-image <an image of Debian bookworm on this engine>, "
            + "or use --image-source auto to fall back to a Debian base made with debootstrap (needs root or passwordless sudo once)",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pullable_base_already_on_the_engine_is_used_even_when_no_registry_answers()
    {
        var log = new List<string>();
        var recipe = Recipe with { PullableBase = TestImages.Base };

        var result = await new ImageProvisioner(fixture.Engine, log.Add).ProvisionAsync(fixture.Request(ImageSource.Auto) with { Recipes = [recipe], BaseImage = null });
        fixture.BuiltImages.AddRange(result.Images.Where(i => i.Origin == ImageOrigin.Built).Select(i => i.Reference));

        Assert.Equal(TestImages.Base, result.BaseImage);
        Assert.Contains($"base image {TestImages.Base} is present", log);
        Assert.DoesNotContain(log, line => line.StartsWith("pulling ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Offline_mode_never_pulls_the_recipes_base()
    {
        var debianBase = await RequireDebianBaseAsync();
        var log = new List<string>();

        var result = await new ImageProvisioner(fixture.Engine, log.Add).ProvisionAsync(fixture.Request(ImageSource.Offline) with { Recipes = [Recipe], BaseImage = null });
        fixture.BuiltImages.AddRange(result.Images.Where(i => i.Origin == ImageOrigin.Built).Select(i => i.Reference));

        Assert.Equal(debianBase, result.BaseImage);
        Assert.DoesNotContain(log, line => line.StartsWith("pulling ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_given_base_that_cannot_be_pulled_is_an_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => new ImageProvisioner(fixture.Engine).ProvisionAsync(fixture.Request(ImageSource.Auto) with { Recipes = [Recipe], BaseImage = Unreachable }));

        Assert.StartsWith($"the base image {Unreachable} (--base-image, SMOKE_BASE_IMAGE) is not on the engine and could not be pulled: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"; check the name and the registry (docker pull {Unreachable}), or leave --base-image unset to use the default base", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_root_the_missing_debootstrap_base_is_an_error_naming_what_is_missing_and_every_way_out()
    {
        var missing = new DebianBaseImage(Suite: "smoke-test-no-such-suite");

        var error = await Assert.ThrowsAsync<ImageProvisioningException>(
            () => missing.EnsureAsync(fixture.Engine, fixture.Root, log: null, "debian:bookworm-slim", RootAccess.Denied, CancellationToken.None));

        Assert.Equal(missing.NeedsRootMessage("debian:bookworm-slim", RootAccess.Denied), error.Message);
    }

    /// <summary>
    /// The debootstrap base's tag on the engine. Where an earlier run pulled its base instead (a runner with a registry),
    /// the test base stands in under that tag: what is checked is which base the provisioner picks, not debootstrap.
    /// </summary>
    private async Task<string> RequireDebianBaseAsync()
    {
        var tag = new DebianBaseImage().Tag;
        if (await fixture.Engine.TryInspectImageAsync(tag) is null)
        {
            await fixture.Engine.TagImageAsync(TestImages.Base, tag);
        }

        return tag;
    }
}
