using Smoke.Processes;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

/// <summary>
/// Installs Debian packages with apt-get, as root or through passwordless sudo: the one way Smoke installs what it
/// needs (the engine, debootstrap, the tools its own tests drive).
/// </summary>
public sealed class DebianPackageInstaller
{
    private readonly IHostSystem _host;
    private readonly Action<string>? _log;

    public DebianPackageInstaller(Action<string>? log = null)
        : this(log, new LocalHostSystem())
    {
    }

    internal DebianPackageInstaller(Action<string>? log, IHostSystem host)
    {
        _log = log;
        _host = host;
    }

    /// <summary>Null when this process may install packages here, else why not (for "… because {reason}").</summary>
    public async Task<string?> WhyNotAsync(CancellationToken cancellationToken = default) =>
        !_host.IsDebianFamily ? "this is not a Debian-family system (no /etc/debian_version)"
        : (await _host.RootAccessAsync(cancellationToken).ConfigureAwait(false)) is { IsAvailable: false } root ? $"it runs {root.Description}"
        : null;

    /// <summary>apt-get update, then apt-get install of <paramref name="packages"/>; a failure names the command and apt's last words.</summary>
    public async Task InstallAsync(IReadOnlyList<string> packages, CancellationToken cancellationToken = default)
    {
        if (await WhyNotAsync(cancellationToken).ConfigureAwait(false) is { } why)
        {
            throw new DockerEngineUnavailableException(
                $"cannot install {string.Join(' ', packages)} because {why}; install them yourself (`sudo apt-get install -y {string.Join(' ', packages)}` or your platform's equivalent) and run the build again");
        }

        var options = new ProcessOptions { Environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" }, OnOutput = _log };
        _log?.Invoke($"installing {string.Join(' ', packages)} with apt-get");
        foreach (var arguments in new[] { (IReadOnlyList<string>)["update"], ["install", "-y", "--no-install-recommends", .. packages] })
        {
            var result = await _host.RunAsRootAsync("apt-get", arguments, options, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var tail = string.Join(" | ", result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5));
                throw new DockerEngineUnavailableException(
                    $"apt-get {string.Join(' ', arguments)} failed (exit code {result.ExitCode}): {tail}; fix the package sources (or install {string.Join(' ', packages)} by hand) and run the build again");
            }
        }
    }
}
