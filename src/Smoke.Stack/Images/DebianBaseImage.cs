using System.Security.Cryptography;
using System.Text;
using Smoke.Processes;
using Smoke.Stack.Engine;
using Smoke.Stack.Installation;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Images;

/// <summary>
/// The Debian root filesystem every offline image builds on: made once with debootstrap and imported as
/// <c>smoke/debian-base:&lt;hash of the recipe&gt;</c>; a later run finds the tag and does nothing.
/// </summary>
public sealed record DebianBaseImage(string Suite = "bookworm", string Mirror = "http://deb.debian.org/debian", string Variant = "minbase")
{
    public const string Repository = "smoke/debian-base";

    public IReadOnlyList<string> DebootstrapArguments(string targetDirectory) => [$"--variant={Variant}", Suite, targetDirectory, Mirror];

    public string Tag => $"{Repository}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"debootstrap --variant={Variant} {Suite} {Mirror}")))[..12]}";

    /// <summary>
    /// Returns the base image's tag, making and importing it first when the engine does not have it. debootstrap, the tar
    /// of its root-owned files and their removal run as root (<paramref name="access"/>, detected when null).
    /// <paramref name="pullableAlternative"/> is the registry image the caller could build on instead, for the hint.
    /// </summary>
    internal async Task<string> EnsureAsync(DockerEngineClient engine, string workDirectory, Action<string>? log, string? pullableAlternative, RootAccess? access, CancellationToken cancellationToken)
    {
        if (await engine.TryInspectImageAsync(Tag, cancellationToken).ConfigureAwait(false) is not null)
        {
            log?.Invoke($"base image {Tag} is present");
            return Tag;
        }

        access ??= await RootAccess.DetectAsync(cancellationToken).ConfigureAwait(false);
        if (!access.IsAvailable)
        {
            throw new ImageProvisioningException(NeedsRootMessage(pullableAlternative, access));
        }

        await InstallDebootstrapWhenMissingAsync(log, cancellationToken).ConfigureAwait(false);
        var root = Path.Combine(workDirectory, $"debian-base-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workDirectory);
        try
        {
            log?.Invoke($"making the Debian base with debootstrap {string.Join(' ', DebootstrapArguments(root))} {access.Description} (a few minutes)");
            var result = await RunDebootstrapAsync(access, root, log, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                var tail = string.Join(" | ", (result.StandardError + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
                throw new ImageProvisioningException($"debootstrap of {Suite} from {Mirror} failed (exit code {result.ExitCode}): {tail}; check that the mirror is reachable");
            }

            log?.Invoke($"importing {root} as {Tag}");
            await ImportAsync(engine, access, root, log, cancellationToken).ConfigureAwait(false);
            return Tag;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                await access.RunAsync("rm", ["-rf", "--one-file-system", root], cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>EnsureDocker installs debootstrap only for --image-source offline; an auto run that found no registry gets it here.</summary>
    private static async Task InstallDebootstrapWhenMissingAsync(Action<string>? log, CancellationToken cancellationToken)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin");
        if (path.Any(directory => File.Exists(Path.Combine(directory, "debootstrap"))) || !File.Exists("/etc/debian_version"))
        {
            return;
        }

        try
        {
            await new DebianPackageInstaller(log).InstallAsync(["debootstrap"], cancellationToken).ConfigureAwait(false);
        }
        catch (DockerEngineUnavailableException ex)
        {
            throw new ImageProvisioningException($"debootstrap is needed to make the Debian base image and could not be installed: {ex.Message}", ex);
        }
    }

    /// <summary>Why the base cannot be made without root, and every way around it (each works as written).</summary>
    internal string NeedsRootMessage(string? pullableAlternative, RootAccess access)
    {
        var pullHint = pullableAlternative is { } pullable
            ? $"pull access to {pullable} (check the registry: docker pull {pullable}; once it is on the engine, Images builds on it unless --image-source offline), or "
            : "";
        return $"the Debian base image {Tag} is missing, and making it runs debootstrap and tar as root, but this process runs {access.Description}; "
            + $"any one of these fixes it: {pullHint}--base-image <an image of Debian {Suite} on this engine>, "
            + $"or make the base once as root: debootstrap {string.Join(' ', DebootstrapArguments("/tmp/debian-base"))} "
            + $"&& tar --numeric-owner -C /tmp/debian-base -c . | docker import -c 'CMD [\"/bin/bash\"]' - {Tag}";
    }

    private async Task<ProcessResult> RunDebootstrapAsync(RootAccess access, string root, Action<string>? log, CancellationToken cancellationToken)
    {
        const string NotInstalled = "debootstrap is not installed, so the Debian base image cannot be made; install it (Debian/Ubuntu: apt-get install -y debootstrap, as root or with sudo) and run Images again";
        try
        {
            var result = await access.RunAsync("debootstrap", DebootstrapArguments(root), new ProcessOptions { OnOutput = log }, cancellationToken).ConfigureAwait(false);

            // Through sudo, a missing program is env's exit code 127 rather than a failed start.
            return access.Kind == RootAccessKind.Sudo && result.ExitCode == 127 ? throw new ImageProvisioningException(NotInstalled) : result;
        }
        catch (ExternalProgramNotFoundException ex)
        {
            throw new ImageProvisioningException(NotInstalled, ex);
        }
    }

    /// <summary>Streams the root filesystem through tar (which keeps owners, devices and hard links as they are) into the engine.</summary>
    private async Task ImportAsync(DockerEngineClient engine, RootAccess access, string root, Action<string>? log, CancellationToken cancellationToken)
    {
        var (program, arguments) = access.Command("tar", ["--numeric-owner", "-C", root, "-c", "."]);
        var tar = await ExternalProcess.RunAsync(
                program,
                arguments,
                new ProcessOptions { ReadOutput = (archive, token) => engine.ImportImageAsync(archive, Tag, ["CMD [\"/bin/bash\"]"], log, token) },
                cancellationToken)
            .ConfigureAwait(false);
        if (!tar.Succeeded)
        {
            throw new ImageProvisioningException($"tar of {root} failed (exit code {tar.ExitCode}): {tar.StandardError.Trim()}");
        }
    }
}
