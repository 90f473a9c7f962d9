using Smoke.Stack.Engine;
using Smoke.Stack.Installation;

namespace Smoke.Stack.Tests.Installation;

public sealed class DockerEngineInstallerTests
{
    private static readonly DockerEndpoint Nowhere = DockerEndpoint.Parse("unix:///tmp/nope.sock");

    [Fact]
    public async Task A_running_engine_with_every_piece_present_needs_nothing()
    {
        var host = new FakeHostSystem();
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }, null, host);

        var report = await installer.EnsureAsync();

        Assert.True(report.WasRunning);
        Assert.False(report.StartedDaemon);
        Assert.Empty(report.InstalledPackages);
        Assert.Empty(host.Commands);
        Assert.StartsWith($"Docker engine {report.ServerVersion} is running", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_engine_gets_its_missing_pieces_installed()
    {
        var host = new FakeHostSystem { Programs = ["dockerd"] };
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }, null, host);

        var report = await installer.EnsureAsync();

        Assert.Equal(["docker-compose", "debootstrap"], report.InstalledPackages);
        Assert.Equal(
            ["DEBIAN_FRONTEND=noninteractive apt-get update", "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose debootstrap"],
            host.Commands);
    }

    [Fact]
    public async Task Missing_pieces_that_may_not_be_installed_are_reported_with_the_command_to_install_them()
    {
        var host = new FakeHostSystem { Programs = ["dockerd", "docker-compose"], IsRoot = false };
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }, null, host);

        var report = await installer.EnsureAsync();

        Assert.Equal(
            "missing debootstrap (it is not running as root): install with `sudo apt-get install -y debootstrap` or your platform's equivalent",
            Assert.Single(report.Warnings));
        Assert.Empty(host.Commands);
    }

    [Fact]
    public async Task Without_root_a_missing_engine_is_an_error_saying_what_to_install_and_start()
    {
        var host = new FakeHostSystem { IsRoot = false };
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = Nowhere }, null, host);

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => installer.EnsureAsync());

        Assert.StartsWith(
            "cannot reach the Docker engine at unix:///tmp/nope.sock: the socket /tmp/nope.sock does not exist; Smoke did not install or start one because it is not running as root.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("`sudo apt-get install -y docker.io docker-compose debootstrap`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`sudo systemctl start docker`", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Commands);
    }

    [Fact]
    public async Task No_install_is_honoured_even_as_root_on_Debian()
    {
        var host = new FakeHostSystem();
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = Nowhere, AllowInstall = false }, null, host);

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => installer.EnsureAsync());

        Assert.Contains("because installing is turned off (--no-install)", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Commands);
    }

    [Fact]
    public async Task As_root_on_Debian_the_engine_is_installed_started_in_the_background_and_waited_for()
    {
        var host = new FakeHostSystem { Programs = [] };
        var log = Path.Combine(Path.GetTempPath(), $"smoke-dockerd-{Guid.NewGuid():N}.log");
        var progress = new List<string>();
        var installer = new DockerEngineInstaller(
            new DockerEngineInstallerOptions { Endpoint = Nowhere, DaemonLogPath = log, StartDeadline = TimeSpan.FromSeconds(1) },
            progress.Add,
            host);

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => installer.EnsureAsync());

        Assert.Equal(
            [
                "DEBIAN_FRONTEND=noninteractive apt-get update",
                "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io docker-compose debootstrap",
                $"detached dockerd > {log}",
            ],
            host.Commands);
        Assert.StartsWith("dockerd was started but did not answer at unix:///tmp/nope.sock within 1s (the socket /tmp/nope.sock does not exist); its log is ", error.Message, StringComparison.Ordinal);
        Assert.Contains(progress, line => line.StartsWith("starting dockerd in the background", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_systemd_the_docker_service_is_started_instead()
    {
        var host = new FakeHostSystem { HasSystemd = true };
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = Nowhere, StartDeadline = TimeSpan.FromSeconds(1) }, null, host);

        await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => installer.EnsureAsync());

        Assert.Equal(["systemctl start docker"], host.Commands);
    }

    [Fact]
    public async Task A_failing_apt_get_says_which_command_failed_and_why()
    {
        var host = new FakeHostSystem { Programs = [], AptExitCode = 100 };
        var installer = new DockerEngineInstaller(new DockerEngineInstallerOptions { Endpoint = Nowhere }, null, host);

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => installer.EnsureAsync());

        Assert.StartsWith("apt-get update failed (exit code 100): E: Unable to locate package docker.io;", error.Message, StringComparison.Ordinal);
    }
}
