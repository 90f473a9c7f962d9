using Smoke.Processes;
using Smoke.Stack.Engine;
using Smoke.Stack.Processes;

namespace Smoke.Stack.Compose;

/// <summary>Which compose runs: found once per run, v2 first, or the flavor asked for.</summary>
public sealed partial class ComposeDriver
{
    /// <summary>
    /// Finds compose: the v2 plugin first, else v1; or only the <paramref name="flavor"/> asked for, which must then be
    /// there. <paramref name="log"/> receives compose's output line by line.
    /// </summary>
    public static async Task<ComposeDriver> DetectAsync(DockerEngineClient engine, Action<string>? log = null, CancellationToken cancellationToken = default, ComposeFlavor? flavor = null)
    {
        if (flavor != ComposeFlavor.V1 && await TryVersionAsync("docker", ["compose", "version", "--short"], cancellationToken).ConfigureAwait(false) is { } v2)
        {
            return new ComposeDriver(engine, ComposeFlavor.V2, v2, ["docker", "compose"], log);
        }

        if (await TryVersionAsync("docker-compose", ["version", "--short"], cancellationToken).ConfigureAwait(false) is { } standalone)
        {
            var found = standalone.StartsWith("1.", StringComparison.Ordinal) ? ComposeFlavor.V1 : ComposeFlavor.V2;
            if (flavor is null || flavor == found)
            {
                return new ComposeDriver(engine, found, standalone, ["docker-compose"], log);
            }
        }

        throw flavor switch
        {
            ComposeFlavor.V1 => new ExternalProgramNotFoundException(
                "docker-compose 1.x",
                new InvalidOperationException("--compose V1 asks for the Python docker-compose: install Debian's docker-compose package, or leave --compose unset to use Compose v2")),
            ComposeFlavor.V2 => new ExternalProgramNotFoundException(
                "docker compose (v2)",
                new InvalidOperationException("--compose V2 asks for the compose plugin: install docker-compose-plugin (./build.sh EnsureDocker does it on Debian as root or with passwordless sudo), or leave --compose unset")),
            _ => new ExternalProgramNotFoundException(
                "docker compose (or docker-compose)",
                new InvalidOperationException("install the compose plugin (docker-compose-plugin) or Debian's docker-compose package; ./build.sh EnsureDocker does it on Debian as root or with passwordless sudo")),
        };
    }

    private static async Task<string?> TryVersionAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ExternalProcess.RunAsync(program, arguments, cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.Succeeded && result.StandardOutput.Trim() is { Length: > 0 } version ? version.TrimStart('v') : null;
        }
        catch (ExternalProgramNotFoundException)
        {
            return null;
        }
    }
}
