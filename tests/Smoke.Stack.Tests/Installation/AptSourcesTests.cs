using Smoke.Stack.Installation;

namespace Smoke.Stack.Tests.Installation;

public sealed class AptSourcesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("smoke-apt-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_mirror_of_a_deb822_release_entry_is_used_and_security_entries_are_not()
    {
        Write("etc/apt/sources.list.d/debian.sources", """
            Types: deb
            URIs: http://security.example/debian-security
            Suites: bookworm-security
            Components: main

            Types: deb
            # a comment in the stanza
            URIs: http://mirror.example/debian
            Suites: bookworm bookworm-updates
            Components: main contrib
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
            """);

        Assert.Equal("http://mirror.example/debian", AptSources.DebianMirror(_root));
    }

    [Fact]
    public void A_one_line_entry_with_options_is_read()
    {
        Write("etc/apt/sources.list", """
            # deb http://commented.example/debian bookworm main
            deb-src http://source.example/debian bookworm main
            deb [arch=amd64 signed-by=/usr/share/keyrings/x.gpg] http://mirror.example/debian bookworm main
            """);

        Assert.Equal("http://mirror.example/debian", AptSources.DebianMirror(_root));
    }

    [Fact]
    public void Without_sources_Debians_own_mirror_is_used() =>
        Assert.Equal(AptSources.FallbackMirror, AptSources.DebianMirror(_root));

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
