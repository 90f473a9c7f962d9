using Smoke.Processes;
using Smoke.Stack.Engine;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

/// <summary>
/// Makes sure a Docker engine and Compose answer (what EnsureDocker runs). A running engine is left alone. Otherwise,
/// on a Debian-family system, as root or through passwordless sudo, installs Debian's <c>docker.io</c> and
/// <c>docker-compose</c> (v1), starts dockerd and waits for it; where Compose v2 (<c>docker compose</c>) is missing,
/// it installs Debian trixie's plugin. Anywhere else it says exactly what to install or start.
/// </summary>
public sealed class DockerEngineInstaller
{
    internal static readonly string[] EnginePackages = ["docker.io", "docker-compose"];

    /// <summary>Where the Compose v2 plugin goes: the first folder every docker CLI searches for plugins.</summary>
    internal const string ComposePluginPath = "/usr/local/lib/docker/cli-plugins/docker-compose";

    private readonly DockerEngineInstallerOptions _options;
    private readonly Action<string>? _log;
    private readonly IHostSystem _host;
    private readonly DebianPackageInstaller _apt;

    public DockerEngineInstaller(DockerEngineInstallerOptions? options = null, Action<string>? log = null)
        : this(options ?? new DockerEngineInstallerOptions(), log, new LocalHostSystem())
    {
    }

    internal DockerEngineInstaller(DockerEngineInstallerOptions options, Action<string>? log, IHostSystem host)
    {
        _options = options;
        _log = log;
        _host = host;
        _apt = new DebianPackageInstaller(log, host);
    }

    public async Task<EngineInstallReport> EnsureAsync(CancellationToken cancellationToken = default)
    {
        using var engine = new DockerEngineClient(_options.Endpoint);
        var installed = new List<string>();
        var warnings = new List<string>();
        var started = false;
        var reason = await TryPingAsync(engine, cancellationToken).ConfigureAwait(false);
        var wasRunning = reason is null;
        if (!wasRunning)
        {
            _log?.Invoke($"no Docker engine answers at {_options.Endpoint}: {reason}");
            await RefuseASecondEngineAsync(reason!, cancellationToken).ConfigureAwait(false);
            var why = _options.Endpoint.IsUnixSocket ? await WhyNotInstallAsync(cancellationToken).ConfigureAwait(false) : $"{_options.Endpoint} is a remote engine, which this machine cannot start";
            if (why is not null)
            {
                throw new DockerEngineUnavailableException(Instructions(reason!, why));
            }

            if (!_host.HasProgram("dockerd"))
            {
                string[] packages = [.. EnginePackages, .. _options.NeedsDebootstrap && !_host.HasProgram("debootstrap") ? ["debootstrap"] : Array.Empty<string>()];
                await _apt.InstallAsync(packages, cancellationToken).ConfigureAwait(false);
                installed.AddRange(packages);
            }

            var daemon = await StartDaemonAsync(cancellationToken).ConfigureAwait(false);
            started = true;
            await WaitForEngineAsync(engine, daemon, cancellationToken).ConfigureAwait(false);
        }

        await EnsureComposeAsync(installed, warnings, cancellationToken).ConfigureAwait(false);
        if (_options.NeedsDebootstrap && !_host.HasProgram("debootstrap"))
        {
            await InstallOrWarnAsync(["debootstrap"], installed, warnings, cancellationToken).ConfigureAwait(false);
        }

        var version = await engine.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var report = new EngineInstallReport(version.Version, wasRunning, installed, started, warnings);
        _log?.Invoke(report.ToString());
        return report;
    }

    /// <summary>Null when this run may install packages and start the daemon, else why not.</summary>
    private async Task<string?> WhyNotInstallAsync(CancellationToken cancellationToken) =>
        !_options.AllowInstall ? "installing is turned off (--no-install)" : await _apt.WhyNotAsync(cancellationToken).ConfigureAwait(false);

    private string Instructions(string reason, string why) =>
        $"cannot reach the Docker engine at {_options.Endpoint}: {reason}; Smoke did not install or start one because {why}. "
        + "Install it (Debian/Ubuntu: `sudo apt-get install -y docker.io docker-compose`; elsewhere Docker Engine or Docker Desktop) "
        + "and start it (`sudo systemctl start docker`, or `sudo dockerd &`), or point DOCKER_HOST at a running engine; "
        + "then run the build again (on Debian as root, or with passwordless sudo, ./build.sh EnsureDocker does all of this itself).";

    /// <summary>
    /// DOCKER_HOST names a socket nobody serves while an engine answers on the default one: starting another dockerd
    /// would only fight the running one over its data and pid file, so say where the engine is instead.
    /// </summary>
    private async Task RefuseASecondEngineAsync(string reason, CancellationToken cancellationToken)
    {
        if (_options.Endpoint == _options.DefaultEndpoint || !_options.Endpoint.IsUnixSocket)
        {
            return;
        }

        using var usual = new DockerEngineClient(_options.DefaultEndpoint);
        if (await TryPingAsync(usual, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new DockerEngineUnavailableException(
                $"no Docker engine answers at {_options.Endpoint} ({reason}), but one runs at {_options.DefaultEndpoint}: unset DOCKER_HOST, or point it at that engine, and run the build again");
        }
    }

    private async Task EnsureComposeAsync(List<string> installed, List<string> warnings, CancellationToken cancellationToken)
    {
        if (await _host.HasComposePluginAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var fallback = _host.HasProgram("docker-compose") ? "Smoke uses docker-compose (v1) meanwhile" : "and docker-compose (v1) is missing too, so compose steps will fail";
        if (await WhyNotInstallAsync(cancellationToken).ConfigureAwait(false) is { } why)
        {
            warnings.Add($"Compose v2 (`docker compose`) is missing ({why}); {fallback}. Install Docker's docker-compose-plugin package, or Docker Desktop");
            return;
        }

        try
        {
            var packages = new DebianSuitePackages("trixie", Path.Combine(_options.WorkDirectory, "debian-trixie"), _log, _host);
            var root = await packages.UnpackAsync(["docker-compose"], cancellationToken).ConfigureAwait(false);
            var plugin = Path.Combine(root, "usr", "libexec", "docker", "cli-plugins", "docker-compose");
            var copy = await _host.RunAsRootAsync("install", ["-D", "-m", "0755", plugin, ComposePluginPath], new ProcessOptions(), cancellationToken).ConfigureAwait(false);
            if (!copy.Succeeded)
            {
                throw new DockerEngineUnavailableException($"install {plugin} {ComposePluginPath} failed: {copy.StandardError.Trim()}");
            }

            installed.Add("docker-compose-plugin (Debian trixie)");
        }
        catch (DockerEngineUnavailableException ex)
        {
            warnings.Add($"Compose v2 (`docker compose`) is missing and could not be installed from Debian trixie: {ex.Message}; {fallback}");
        }
    }

    private async Task InstallOrWarnAsync(IReadOnlyList<string> packages, List<string> installed, List<string> warnings, CancellationToken cancellationToken)
    {
        if (await WhyNotInstallAsync(cancellationToken).ConfigureAwait(false) is { } why)
        {
            warnings.Add($"missing {string.Join(" and ", packages)} ({why}): install with `sudo apt-get install -y {string.Join(' ', packages)}` or your platform's equivalent");
            return;
        }

        await _apt.InstallAsync(packages, cancellationToken).ConfigureAwait(false);
        installed.AddRange(packages);
    }

    private static async Task<string?> TryPingAsync(DockerEngineClient engine, CancellationToken cancellationToken)
    {
        try
        {
            await engine.PingAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (DockerEngineUnreachableException ex)
        {
            return ex.Reason;
        }
    }

    /// <summary>Starts the engine; returns the pid of a dockerd started by hand, null when systemd owns it.</summary>
    private async Task<int?> StartDaemonAsync(CancellationToken cancellationToken)
    {
        if (_host.HasSystemd && _options.Endpoint == _options.DefaultEndpoint)
        {
            _log?.Invoke("starting docker with systemctl");
            var result = await _host.RunAsRootAsync("systemctl", ["start", "docker"], new ProcessOptions { OnOutput = _log }, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return null;
            }

            _log?.Invoke($"systemctl start docker failed ({result.StandardError.Trim()}); starting dockerd directly");
        }

        // dockerd listens where the build will look for it: the default socket, or the one DOCKER_HOST names.
        IReadOnlyList<string> arguments = _options.Endpoint == _options.DefaultEndpoint ? [] : ["-H", _options.Endpoint.ToString()];
        _log?.Invoke($"starting dockerd in the background, log in {_options.DaemonLogPath}");
        return await _host.StartDetachedAsRootAsync("dockerd", arguments, _options.DaemonLogPath, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForEngineAsync(DockerEngineClient engine, int? daemon, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var lastReport = started;
        string? reason;
        while ((reason = await TryPingAsync(engine, cancellationToken).ConfigureAwait(false)) is not null)
        {
            var waited = DateTimeOffset.UtcNow - started;
            if (daemon is { } pid && !_host.IsRunning(pid))
            {
                throw new DockerEngineUnavailableException(
                    $"dockerd exited {waited.TotalSeconds:0}s after it was started; its log is {_options.DaemonLogPath}, last lines: {await DaemonLogTailAsync(cancellationToken).ConfigureAwait(false)}");
            }

            if (reason.StartsWith("permission denied", StringComparison.Ordinal))
            {
                throw new DockerEngineUnavailableException(
                    $"dockerd runs, but this user may not use it: {reason}. Join the docker group (`sudo usermod -aG docker $USER`, then log in again) or run the build with sudo");
            }

            if (waited >= _options.StartDeadline)
            {
                throw new DockerEngineUnavailableException(
                    $"dockerd was started but did not answer at {_options.Endpoint} within {_options.StartDeadline.TotalSeconds:0}s ({reason}); "
                    + $"its log is {_options.DaemonLogPath}, last lines: {await DaemonLogTailAsync(cancellationToken).ConfigureAwait(false)}");
            }

            if (DateTimeOffset.UtcNow - lastReport >= TimeSpan.FromSeconds(5))
            {
                _log?.Invoke($"waiting for dockerd to answer ({waited.TotalSeconds:0}s of {_options.StartDeadline.TotalSeconds:0}s)");
                lastReport = DateTimeOffset.UtcNow;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
        }

        _log?.Invoke($"dockerd answers after {(DateTimeOffset.UtcNow - started).TotalSeconds:0}s");
    }

    private async Task<string> DaemonLogTailAsync(CancellationToken cancellationToken) =>
        File.Exists(_options.DaemonLogPath)
            ? string.Join(" | ", (await File.ReadAllLinesAsync(_options.DaemonLogPath, cancellationToken).ConfigureAwait(false)).TakeLast(5))
            : "(no log written)";
}
