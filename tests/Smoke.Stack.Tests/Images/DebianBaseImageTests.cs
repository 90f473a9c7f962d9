using Smoke.Stack.Images;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Images;

public sealed class DebianBaseImageTests
{
    [Fact]
    public void Without_root_the_message_names_the_base_why_and_each_way_out()
    {
        var debian = new DebianBaseImage();

        var message = debian.NeedsRootMessage("debian:bookworm-slim", RootAccess.Denied);

        Assert.Equal(
            $"the Debian base image {debian.Tag} is missing, and making it runs debootstrap and tar as root, "
            + "but this process runs not as root, and sudo asks for a password or is not installed; any one of these fixes it: "
            + "pull access to debian:bookworm-slim (check the registry: docker pull debian:bookworm-slim; once it is on the engine, Images builds on it unless --image-source offline), "
            + "or --base-image <an image of Debian bookworm on this engine>, "
            + "or make the base once as root: debootstrap --variant=minbase bookworm /tmp/debian-base http://deb.debian.org/debian "
            + $"&& tar --numeric-owner -C /tmp/debian-base -c . | docker import -c 'CMD [\"/bin/bash\"]' - {debian.Tag}",
            message);
    }

    [Fact]
    public void Without_a_pullable_alternative_the_message_does_not_offer_one()
    {
        var message = new DebianBaseImage().NeedsRootMessage(null, RootAccess.Denied);

        Assert.DoesNotContain("pull access", message, StringComparison.Ordinal);
        Assert.Contains("any one of these fixes it: --base-image <an image of Debian bookworm on this engine>, ", message, StringComparison.Ordinal);
    }
}
