using Smoke.Stack.Engine;

namespace Smoke.Stack.Installation;

public sealed record DockerEngineInstallerOptions
{
    public DockerEndpoint Endpoint { get; init; } = DockerEndpoint.FromEnvironment();

    /// <summary>False for <c>--no-install</c>: report what is missing instead of installing it.</summary>
    public bool AllowInstall { get; init; } = true;

    /// <summary>Where a dockerd we start writes its log (the pipeline uses .nuke/temp/dockerd.log).</summary>
    public string DaemonLogPath { get; init; } = Path.Combine(".nuke", "temp", "dockerd.log");

    /// <summary>How long a freshly started dockerd may take to answer <c>/_ping</c>.</summary>
    public TimeSpan StartDeadline { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Whether debootstrap counts as a missing piece (it is only needed to build offline images).</summary>
    public bool NeedsDebootstrap { get; init; } = true;
}
