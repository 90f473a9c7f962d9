using Smoke.Stack.Engine;

namespace Smoke.Stack.Installation;

public sealed record DockerEngineInstallerOptions
{
    public DockerEndpoint Endpoint { get; init; } = DockerEndpoint.FromEnvironment();

    /// <summary>The engine's usual socket, where systemd's docker listens; tests move it to keep the machine's engine out.</summary>
    internal DockerEndpoint DefaultEndpoint { get; init; } = DockerEndpoint.Default;

    /// <summary>False for <c>--no-install</c>: report what is missing instead of installing it.</summary>
    public bool AllowInstall { get; init; } = true;

    /// <summary>Where a dockerd we start writes its log (the pipeline uses .nuke/temp/dockerd.log).</summary>
    public string DaemonLogPath { get; init; } = Path.Combine(".nuke", "temp", "dockerd.log");

    /// <summary>How long a freshly started dockerd may take to answer <c>/_ping</c>.</summary>
    public TimeSpan StartDeadline { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Where downloads for the install go (Debian trixie's Compose plugin); the pipeline uses .nuke/temp.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(".nuke", "temp");

    /// <summary>Whether debootstrap counts as a missing piece (only offline images need it, and Images installs it itself when it must).</summary>
    public bool NeedsDebootstrap { get; init; }
}
