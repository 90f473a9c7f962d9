using Smoke.Stack.Engine;

namespace Smoke.Stack.Installation;

/// <summary>
/// Makes sure a Docker engine answers (what EnsureDocker runs). A running engine is left alone. Otherwise, as root
/// on a Debian-family system with installs allowed, installs Debian's <c>docker.io docker-compose debootstrap</c>,
/// starts dockerd in the background and waits for it; anywhere else it says exactly what to install or start.
/// </summary>
public sealed class DockerEngineInstaller
{
    internal static readonly string[] EnginePackages = ["docker.io", "docker-compose", "debootstrap"];

    private readonly DockerEngineInstallerOptions _options;
    private readonly Action<string>? _log;
    private readonly IHostSystem _host;

    public DockerEngineInstaller(DockerEngineInstallerOptions? options = null, Action<string>? log = null)
        : this(options ?? new DockerEngineInstallerOptions(), log, new LocalHostSystem())
    {
    }

    internal DockerEngineInstaller(DockerEngineInstallerOptions options, Action<string>? log, IHostSystem host)
    {
        _options = options;
        _log = log;
        _host = host;
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
            var why = _options.Endpoint.IsUnixSocket ? WhyNotInstall() : $"{_options.Endpoint} is a remote engine, which this machine cannot start";
            if (why is not null)
            {
                throw new DockerEngineUnavailableException(Instructions(reason!, why));
            }

            if (!_host.HasProgram("dockerd"))
            {
                await InstallAsync(EnginePackages, cancellationToken).ConfigureAwait(false);
                installed.AddRange(EnginePackages);
            }

            await StartDaemonAsync(cancellationToken).ConfigureAwait(false);
            started = true;
            await WaitForEngineAsync(engine, cancellationToken).ConfigureAwait(false);
        }

        var missing = await MissingPiecesAsync(cancellationToken).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            if (WhyNotInstall() is not { } why)
            {
                await InstallAsync(missing, cancellationToken).ConfigureAwait(false);
                installed.AddRange(missing.Except(installed));
            }
            else
            {
                warnings.Add($"missing {string.Join(" and ", missing)} ({why}): install with `sudo apt-get install -y {string.Join(' ', missing)}` or your platform's equivalent");
            }
        }

        var version = await engine.GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var report = new EngineInstallReport(version.Version, wasRunning, installed, started, warnings);
        _log?.Invoke(report.ToString());
        return report;
    }

    /// <summary>Null when this run may install packages and start the daemon, else why not.</summary>
    private string? WhyNotInstall() =>
        !_options.AllowInstall ? "installing is turned off (--no-install)"
        : !_host.IsRoot ? "it is not running as root"
        : !_host.IsDebianFamily ? "this is not a Debian-family system (no /etc/debian_version)"
        : null;

    private string Instructions(string reason, string why) =>
        $"cannot reach the Docker engine at {_options.Endpoint}: {reason}; Smoke did not install or start one because {why}. "
        + "Install it (Debian/Ubuntu: `sudo apt-get install -y docker.io docker-compose debootstrap`; elsewhere Docker Engine or Docker Desktop) "
        + "and start it (`sudo systemctl start docker`, or `sudo dockerd &`), or point DOCKER_HOST at a running engine; "
        + "then run the build again (as root on Debian, ./build.sh EnsureDocker does all of this itself).";

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

    private async Task<List<string>> MissingPiecesAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        if (!_host.HasProgram("docker-compose") && !await _host.HasComposePluginAsync(cancellationToken).ConfigureAwait(false))
        {
            missing.Add("docker-compose");
        }

        if (_options.NeedsDebootstrap && !_host.HasProgram("debootstrap"))
        {
            missing.Add("debootstrap");
        }

        return missing;
    }

    private async Task InstallAsync(IReadOnlyList<string> packages, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        _log?.Invoke($"installing {string.Join(' ', packages)} with apt-get");
        foreach (var arguments in new[] { (IReadOnlyList<string>)["update"], ["install", "-y", "--no-install-recommends", .. packages] })
        {
            var result = await _host.RunAsync("apt-get", arguments, environment, _log, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var tail = string.Join(" | ", result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));
                throw new DockerEngineUnavailableException(
                    $"apt-get {string.Join(' ', arguments)} failed (exit code {result.ExitCode}): {tail}; fix the package sources (or install {string.Join(' ', packages)} by hand) and run the build again");
            }
        }
    }

    private async Task StartDaemonAsync(CancellationToken cancellationToken)
    {
        if (_host.HasSystemd)
        {
            _log?.Invoke("starting docker with systemctl");
            var result = await _host.RunAsync("systemctl", ["start", "docker"], new Dictionary<string, string?>(), _log, cancellationToken).ConfigureAwait(false);
            if (result.Succeeded)
            {
                return;
            }

            _log?.Invoke($"systemctl start docker failed ({result.StandardError.Trim()}); starting dockerd directly");
        }

        _log?.Invoke($"starting dockerd in the background, log in {_options.DaemonLogPath}");
        await _host.StartDetachedAsync("dockerd", _options.DaemonLogPath, cancellationToken).ConfigureAwait(false);
    }

    private async Task WaitForEngineAsync(DockerEngineClient engine, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var lastReport = started;
        string? reason;
        while ((reason = await TryPingAsync(engine, cancellationToken).ConfigureAwait(false)) is not null)
        {
            var waited = DateTimeOffset.UtcNow - started;
            if (waited >= _options.StartDeadline)
            {
                var tail = File.Exists(_options.DaemonLogPath)
                    ? string.Join(" | ", (await File.ReadAllLinesAsync(_options.DaemonLogPath, cancellationToken).ConfigureAwait(false)).TakeLast(5))
                    : "(no log written)";
                throw new DockerEngineUnavailableException(
                    $"dockerd was started but did not answer at {_options.Endpoint} within {_options.StartDeadline.TotalSeconds:0}s ({reason}); "
                    + $"its log is {_options.DaemonLogPath}, last lines: {tail}");
            }

            if (DateTimeOffset.UtcNow - lastReport >= TimeSpan.FromSeconds(5))
            {
                _log?.Invoke($"waiting for dockerd to answer ({waited.TotalSeconds:0}s of {_options.StartDeadline.TotalSeconds:0}s)");
                lastReport = DateTimeOffset.UtcNow;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
        }

        _log?.Invoke($"dockerd answers after {(DateTimeOffset.UtcNow - started).TotalSeconds:0}s");
    }
}
