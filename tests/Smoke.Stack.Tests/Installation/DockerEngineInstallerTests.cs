using Smoke.Processes;
using Smoke.Stack.Engine;
using Smoke.Stack.Installation;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Tests.Installation;

public sealed class DockerEngineInstallerTests
{
    private static readonly DockerEndpoint Nowhere = DockerEndpoint.Parse("unix:///tmp/nope.sock");

    /// <summary>Stands in for /var/run/docker.sock, where this machine's own engine answers.</summary>
    private static readonly DockerEndpoint NoUsualEngine = DockerEndpoint.Parse("unix:///tmp/nope-default.sock");

    /// <summary>An installer for which this machine's engine is not the usual one, unless <paramref name="options"/> names it.</summary>
    private static DockerEngineInstaller Installer(FakeHostSystem host, DockerEngineInstallerOptions options, Action<string>? log = null, bool machineEngineIsUsual = false) =>
        new(options with { DefaultEndpoint = machineEngineIsUsual ? DockerEndpoint.Default : options.DefaultEndpoint == DockerEndpoint.Default ? NoUsualEngine : options.DefaultEndpoint, WorkDirectory = Path.Combine(Path.GetTempPath(), $"smoke-install-{Guid.NewGuid():N}") }, log, host);

    [Fact]
    public async Task A_running_engine_with_every_piece_present_needs_nothing()
    {
        var host = new FakeHostSystem();

        var report = await Installer(host, new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }).EnsureAsync();

        Assert.True(report.WasRunning);
        Assert.False(report.StartedDaemon);
        Assert.Empty(report.InstalledPackages);
        Assert.Empty(host.Commands);
        Assert.StartsWith($"Docker engine {report.ServerVersion} is running", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_compose_plugin_is_installed_from_Debian_trixie_without_touching_the_system_sources()
    {
        var host = new FakeHostSystem { HasPlugin = false };

        var report = await Installer(host, new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }).EnsureAsync();

        Assert.Equal(["docker-compose-plugin (Debian trixie)"], report.InstalledPackages);
        Assert.Collection(
            host.Commands,
            update => Assert.Matches(@"^apt-get -o Dir::Etc::SourceList=/dev/null -o Dir::Etc::SourceParts=\S+/debian-trixie/sources .* update$", update),
            download => Assert.EndsWith(" download docker-compose", download, StringComparison.Ordinal),
            install => Assert.Matches(@"^install -D -m 0755 \S+/debian-trixie/root/usr/libexec/docker/cli-plugins/docker-compose /usr/local/lib/docker/cli-plugins/docker-compose$", install));
    }

    [Fact]
    public async Task Through_passwordless_sudo_the_plugin_is_installed_with_sudo()
    {
        var host = new FakeHostSystem { HasPlugin = false, Root = RootAccess.ThroughSudo };

        await Installer(host, new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }).EnsureAsync();

        Assert.StartsWith("apt-get ", host.Commands[0], StringComparison.Ordinal);
        Assert.StartsWith("sudo install -D -m 0755 ", host.Commands[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plugin_that_cannot_be_had_is_a_warning_that_names_the_fallback()
    {
        var host = new FakeHostSystem { HasPlugin = false, Results = { ["apt-get"] = new ProcessResult(100, "", "E: The repository 'trixie Release' does not have a Release file.") } };

        var report = await Installer(host, new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment() }).EnsureAsync();

        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("Compose v2 (`docker compose`) is missing and could not be installed from Debian trixie: apt-get update for Debian trixie failed (exit code 100): E: The repository", warning, StringComparison.Ordinal);
        Assert.EndsWith("; Smoke uses docker-compose (v1) meanwhile", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offline_images_get_debootstrap_installed_when_it_is_missing()
    {
        var host = new FakeHostSystem { Programs = ["dockerd", "docker-compose"] };

        var report = await Installer(host, new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment(), NeedsDebootstrap = true }).EnsureAsync();

        Assert.Equal(["debootstrap"], report.InstalledPackages);
        Assert.Equal(
            ["DEBIAN_FRONTEND=noninteractive apt-get update", "DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap"],
            host.Commands);
    }

    [Fact]
    public async Task Missing_pieces_that_may_not_be_installed_are_reported_with_the_command_to_install_them()
    {
        var host = new FakeHostSystem { Programs = ["dockerd", "docker-compose"], Root = RootAccess.Denied };

        var report = await Installer(host, new DockerEngineInstallerOptions { Endpoint = DockerEndpoint.FromEnvironment(), NeedsDebootstrap = true }).EnsureAsync();

        Assert.Equal(
            "missing debootstrap (it runs not as root, and sudo asks for a password or is not installed): install with `sudo apt-get install -y debootstrap` or your platform's equivalent",
            Assert.Single(report.Warnings));
        Assert.Empty(host.Commands);
    }

    [Fact]
    public async Task Without_root_or_sudo_a_missing_engine_is_an_error_saying_what_to_install_and_start()
    {
        var host = new FakeHostSystem { Root = RootAccess.Denied };

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(host, new DockerEngineInstallerOptions { Endpoint = Nowhere }).EnsureAsync());

        Assert.StartsWith(
            "cannot reach the Docker engine at unix:///tmp/nope.sock: the socket /tmp/nope.sock does not exist; Smoke did not install or start one because it runs not as root, and sudo asks for a password or is not installed.",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("`sudo apt-get install -y docker.io docker-compose`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`sudo systemctl start docker`", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Commands);
    }

    [Fact]
    public async Task No_install_is_honoured_even_as_root_on_Debian()
    {
        var host = new FakeHostSystem();

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(host, new DockerEngineInstallerOptions { Endpoint = Nowhere, AllowInstall = false }).EnsureAsync());

        Assert.Contains("because installing is turned off (--no-install)", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Commands);
    }

    [Fact]
    public async Task Through_sudo_on_Debian_the_engine_is_installed_and_started_on_the_socket_DOCKER_HOST_names()
    {
        var host = new FakeHostSystem { Programs = [], Root = RootAccess.ThroughSudo };
        var log = Path.Combine(Path.GetTempPath(), $"smoke-dockerd-{Guid.NewGuid():N}.log");
        var progress = new List<string>();

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(
            host,
            new DockerEngineInstallerOptions { Endpoint = Nowhere, DaemonLogPath = log, StartDeadline = TimeSpan.FromSeconds(1) },
            progress.Add).EnsureAsync());

        Assert.Equal(
            [
                "sudo DEBIAN_FRONTEND=noninteractive apt-get update",
                "sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io docker-compose",
                $"detached dockerd -H unix:///tmp/nope.sock > {log}",
            ],
            host.Commands);
        Assert.StartsWith("dockerd was started but did not answer at unix:///tmp/nope.sock within 1s (the socket /tmp/nope.sock does not exist); its log is ", error.Message, StringComparison.Ordinal);
        Assert.Contains(progress, line => line.StartsWith("starting dockerd in the background", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_started_daemon_that_dies_is_noticed_at_once_not_after_the_deadline()
    {
        var host = new FakeHostSystem { DaemonStaysUp = false };
        var log = Path.Combine(Path.GetTempPath(), $"smoke-dockerd-{Guid.NewGuid():N}.log");
        await File.WriteAllTextAsync(log, "level=fatal msg=\"failed to start daemon: pid file found, ensure docker is not running\"\n");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(
            host,
            new DockerEngineInstallerOptions { Endpoint = Nowhere, DaemonLogPath = log, StartDeadline = TimeSpan.FromMinutes(5) }).EnsureAsync());

        Assert.StartsWith("dockerd exited 0s after it was started; its log is ", error.Message, StringComparison.Ordinal);
        Assert.Contains("pid file found", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5), "the daemon's death was noticed before its deadline");
    }

    [Fact]
    public async Task With_systemd_the_docker_service_is_started_for_the_usual_socket()
    {
        var host = new FakeHostSystem { HasSystemd = true };
        var options = new DockerEngineInstallerOptions { Endpoint = Nowhere, DefaultEndpoint = Nowhere, StartDeadline = TimeSpan.FromSeconds(1) };

        await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(host, options).EnsureAsync());

        Assert.Equal(["systemctl start docker"], host.Commands);
    }

    [Fact]
    public async Task With_systemd_another_socket_gets_a_dockerd_of_its_own()
    {
        var host = new FakeHostSystem { HasSystemd = true };

        // systemd's docker serves the usual socket only, so it cannot start an engine for the one DOCKER_HOST names.
        await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(host, new DockerEngineInstallerOptions { Endpoint = Nowhere, StartDeadline = TimeSpan.FromSeconds(1) }).EnsureAsync());

        Assert.StartsWith("detached dockerd -H unix:///tmp/nope.sock", Assert.Single(host.Commands), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_apt_get_says_which_command_failed_and_why()
    {
        var host = new FakeHostSystem { Programs = [], Results = { ["apt-get"] = new ProcessResult(100, "", "E: Unable to locate package docker.io") } };

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(host, new DockerEngineInstallerOptions { Endpoint = Nowhere }).EnsureAsync());

        Assert.StartsWith("apt-get update failed (exit code 100): E: Unable to locate package docker.io;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DOCKER_HOST_at_a_dead_socket_while_an_engine_runs_on_the_default_one_starts_nothing_and_says_so_in_one_line()
    {
        var host = new FakeHostSystem { Programs = [] };

        var error = await Assert.ThrowsAsync<DockerEngineUnavailableException>(() => Installer(host, new DockerEngineInstallerOptions { Endpoint = Nowhere }, machineEngineIsUsual: true).EnsureAsync());

        Assert.Equal(
            $"no Docker engine answers at unix:///tmp/nope.sock (the socket /tmp/nope.sock does not exist), but one runs at {DockerEndpoint.Default}: unset DOCKER_HOST, or point it at that engine, and run the build again",
            error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Empty(host.Commands);
    }
}
