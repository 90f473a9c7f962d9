using Smoke.Processes;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Installation;

/// <summary>
/// Unpacks packages of another Debian suite (trixie's Compose v2 plugin and Docker Engine 26 on a bookworm machine)
/// without adding that suite to the system: apt-get reads a sources file, package lists and cache of its own in
/// <see cref="Directory"/>, downloads the .deb files there and dpkg-deb unpacks them. Nothing goes through dpkg's
/// database, so the system's packages never mix with the other suite's. Needs no root.
/// </summary>
public sealed class DebianSuitePackages
{
    private readonly IHostSystem _host;
    private readonly Action<string>? _log;

    public DebianSuitePackages(string suite, string directory, Action<string>? log = null)
        : this(suite, directory, log, new LocalHostSystem())
    {
    }

    internal DebianSuitePackages(string suite, string directory, Action<string>? log, IHostSystem host)
    {
        Suite = suite;
        Directory = Path.GetFullPath(directory);
        _log = log;
        _host = host;
    }

    public string Suite { get; }

    public string Directory { get; }

    /// <summary>Where the packages' files end up, laid out as they would be under /.</summary>
    public string Root => Path.Combine(Directory, "root");

    /// <summary>The apt options that keep every file apt reads or writes inside <see cref="Directory"/>.</summary>
    internal IReadOnlyList<string> AptOptions =>
    [
        "-o", "Dir::Etc::SourceList=/dev/null",
        "-o", $"Dir::Etc::SourceParts={Path.Combine(Directory, "sources")}",
        "-o", $"Dir::State::Lists={Path.Combine(Directory, "lists")}",
        "-o", $"Dir::Cache={Path.Combine(Directory, "cache")}",
        "-o", "Debug::NoLocking=true",
        "-q",
    ];

    /// <summary>Downloads <paramref name="packages"/> (their current version in the suite) and unpacks them into <see cref="Root"/>.</summary>
    public async Task<string> UnpackAsync(IReadOnlyList<string> packages, CancellationToken cancellationToken = default)
    {
        foreach (var folder in new[] { "sources", "lists/partial", "cache/archives/partial", "debs" })
        {
            System.IO.Directory.CreateDirectory(Path.Combine(Directory, folder));
        }

        var mirror = AptSources.DebianMirror();
        await File.WriteAllTextAsync(
            Path.Combine(Directory, "sources", $"{Suite}.sources"),
            $"Types: deb\nURIs: {mirror}\nSuites: {Suite}\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n",
            cancellationToken).ConfigureAwait(false);

        _log?.Invoke($"downloading {string.Join(' ', packages)} from Debian {Suite} ({mirror}) into {Directory}");
        var debs = Path.Combine(Directory, "debs");
        foreach (var file in System.IO.Directory.EnumerateFiles(debs, "*.deb"))
        {
            File.Delete(file);
        }

        await RunAsync("apt-get update", "apt-get", [.. AptOptions, "update"], Directory, cancellationToken).ConfigureAwait(false);
        await RunAsync("apt-get download", "apt-get", [.. AptOptions, "download", .. packages], debs, cancellationToken).ConfigureAwait(false);
        foreach (var deb in System.IO.Directory.EnumerateFiles(debs, "*.deb").Order(StringComparer.Ordinal))
        {
            await RunAsync($"dpkg-deb -x {Path.GetFileName(deb)}", "dpkg-deb", ["-x", deb, Root], Directory, cancellationToken).ConfigureAwait(false);
        }

        return Root;
    }

    private async Task RunAsync(string step, string program, IReadOnlyList<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        ProcessResult result;
        try
        {
            result = await _host.RunAsync(program, arguments, new ProcessOptions { WorkingDirectory = workingDirectory }, cancellationToken).ConfigureAwait(false);
        }
        catch (ExternalProgramNotFoundException ex)
        {
            throw new DockerEngineUnavailableException($"{program} is needed to fetch packages from Debian {Suite} and is not installed; this works on Debian-family systems only", ex);
        }

        if (!result.Succeeded)
        {
            var tail = string.Join(" | ", (result.StandardError + "\n" + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(4));
            throw new DockerEngineUnavailableException(
                $"{step} for Debian {Suite} failed (exit code {result.ExitCode}): {tail}; "
                + $"check that this machine reaches its Debian mirror and has trixie's key (package debian-archive-keyring), then run the build again");
        }
    }
}
