using Smoke.Release;

namespace Smoke.Build.Tests.Release;

public sealed class ReleaseImageTests
{
    [Theory]
    [InlineData("smoke/sample:v42", "smoke/sample", "v42")]
    [InlineData("registry.local:5000/smoke/sample:v42", "registry.local:5000/smoke/sample", "v42")]
    public void A_release_image_splits_into_the_repository_and_tag_compose_takes_as_variables(string reference, string repository, string tag)
    {
        Assert.Equal(new ReleaseImage(repository, tag), ReleaseImage.Parse(reference));
    }

    [Theory]
    [InlineData("smoke/sample")]
    [InlineData("registry.local:5000/smoke/sample")]
    [InlineData("smoke/sample@sha256:0123")]
    public void An_image_without_a_tag_cannot_be_a_release(string reference)
    {
        var error = Assert.Throws<ArgumentException>(() => ReleaseImage.Parse(reference));

        Assert.Contains($"\"{reference}\" has no tag", error.Message, StringComparison.Ordinal);
    }
}
