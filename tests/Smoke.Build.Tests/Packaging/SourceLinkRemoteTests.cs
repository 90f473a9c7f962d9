using Smoke.Build.Packaging;

namespace Smoke.Build.Tests.Packaging;

public sealed class SourceLinkRemoteTests
{
    [Theory]
    [InlineData("https://github.com/acme/smoke.git")]
    [InlineData("git@github.com:acme/smoke.git")]
    [InlineData("ssh://git@gitlab.example/acme/smoke.git")]
    public void Hosted_remotes_are_mapped(string origin) => Assert.True(SourceLinkRemote.CanMap(origin));

    [Theory]
    [InlineData("/work/main")]
    [InlineData("file:///work/main")]
    [InlineData("")]
    [InlineData(null)]
    public void Local_clones_and_missing_remotes_are_not(string? origin) => Assert.False(SourceLinkRemote.CanMap(origin));
}
