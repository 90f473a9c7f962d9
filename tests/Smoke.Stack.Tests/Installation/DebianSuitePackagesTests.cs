using Smoke.Processes;
using Smoke.Stack.Installation;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Installation;

/// <summary>Against Debian's real mirror: trixie's Compose v2 plugin is fetched and runs here, and the system's apt is untouched.</summary>
public sealed class DebianSuitePackagesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-trixie-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Trixies_compose_plugin_is_unpacked_and_answers_as_Compose_v2()
    {
        var sourcesBefore = SystemAptState();
        var packages = new DebianSuitePackages("trixie", _directory);

        var root = await packages.UnpackAsync(["docker-compose"]);

        var plugin = Path.Combine(root, "usr", "libexec", "docker", "cli-plugins", "docker-compose");
        var version = await ExternalProcess.RunAsync(plugin, ["version", "--short"]);
        Assert.True(version.Succeeded, version.StandardError);
        Assert.StartsWith("2.", version.StandardOutput.Trim(), StringComparison.Ordinal);
        Assert.Equal(sourcesBefore, SystemAptState());
    }

    [Fact]
    public async Task A_package_the_suite_does_not_have_is_named_in_the_error()
    {
        var packages = new DebianSuitePackages("trixie", _directory);

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => packages.UnpackAsync(["smoke-no-such-package"]));

        Assert.StartsWith("apt-get download for Debian trixie failed (exit code 100): ", error.Message, StringComparison.Ordinal);
        Assert.Contains("smoke-no-such-package", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The system's sources and the names of its package lists: neither may gain trixie.</summary>
    private static string SystemAptState() =>
        string.Join('\n', Directory.EnumerateFiles("/etc/apt", "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        + string.Join('\n', Directory.EnumerateFiles("/var/lib/apt/lists").Where(file => file.Contains("trixie", StringComparison.Ordinal)));
}
