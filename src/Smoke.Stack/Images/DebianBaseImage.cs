using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Smoke.Stack.Engine;
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

    /// <summary>Returns the base image's tag, making and importing it first when the engine does not have it.</summary>
    public async Task<string> EnsureAsync(DockerEngineClient engine, string workDirectory, Action<string>? log, CancellationToken cancellationToken)
    {
        if (await engine.TryInspectImageAsync(Tag, cancellationToken).ConfigureAwait(false) is not null)
        {
            log?.Invoke($"base image {Tag} is present");
            return Tag;
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new ImageProvisioningException(
                $"the Debian base image {Tag} is missing and debootstrap needs root to make it; run the Images step as root once, "
                + "or pass an existing base image (SMOKE_BASE_IMAGE), or use --image-source pull where a registry is reachable");
        }

        var root = Path.Combine(workDirectory, $"debian-base-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workDirectory);
        try
        {
            log?.Invoke($"making the Debian base with debootstrap {string.Join(' ', DebootstrapArguments(root))} (a few minutes)");
            ProcessResult result;
            try
            {
                result = await ExternalProcess.RunAsync("debootstrap", DebootstrapArguments(root), new ProcessOptions { OnOutput = log }, cancellationToken).ConfigureAwait(false);
            }
            catch (ExternalProgramNotFoundException ex)
            {
                throw new ImageProvisioningException("debootstrap is not installed, so the Debian base image cannot be made; install it (apt-get install debootstrap, or ./build.sh EnsureDocker as root)", ex);
            }

            if (!result.Succeeded)
            {
                var tail = string.Join(" | ", (result.StandardError + result.StandardOutput).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(5));
                throw new ImageProvisioningException($"debootstrap of {Suite} from {Mirror} failed (exit code {result.ExitCode}): {tail}; check that the mirror is reachable");
            }

            log?.Invoke($"importing {root} as {Tag}");
            await ImportAsync(engine, root, log, cancellationToken).ConfigureAwait(false);
            return Tag;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                await ExternalProcess.RunAsync("rm", ["-rf", "--one-file-system", root], cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Streams the root filesystem through tar (which keeps owners, devices and hard links as they are) into the engine.</summary>
    private async Task ImportAsync(DockerEngineClient engine, string root, Action<string>? log, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("tar") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--numeric-owner", "-C", root, "-c", "." })
        {
            start.ArgumentList.Add(argument);
        }

        using var tar = Process.Start(start) ?? throw new ImageProvisioningException("could not start tar to pack the Debian base");
        var errors = tar.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await engine.ImportImageAsync(tar.StandardOutput.BaseStream, Tag, ["CMD [\"/bin/bash\"]"], log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (!tar.HasExited)
            {
                tar.Kill();
            }

            await tar.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (tar.ExitCode != 0)
        {
            throw new ImageProvisioningException($"tar of {root} failed (exit code {tar.ExitCode}): {(await errors.ConfigureAwait(false)).Trim()}");
        }
    }
}
