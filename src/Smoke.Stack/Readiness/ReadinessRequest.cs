using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>
/// What to wait for: the containers of a compose project (<see cref="ForCompose"/>), or services reached only
/// over the network in a remote environment (<see cref="ForRemote"/>). Every option has a default that suits a laptop.
/// </summary>
public sealed record ReadinessRequest
{
    /// <summary>The engine running the project's containers; null in remote mode.</summary>
    public DockerEngineClient? Engine { get; init; }

    /// <summary>The compose project name (the <c>com.docker.compose.project</c> label).</summary>
    public string? ProjectName { get; init; }

    /// <summary>In remote mode, the services and where to probe them; no Docker is used at all.</summary>
    public IReadOnlyList<RemoteService> RemoteServices { get; init; } = [];

    /// <summary>
    /// Service to the services it depends on (compose <c>depends_on</c>; see <see cref="ComposeDependencies"/>).
    /// Null takes them from the <c>com.docker.compose.depends_on</c> label Compose v2 sets, or none.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? DependsOn { get; init; }

    /// <summary>The deadline of a service without an <c>io.smoke.wait.timeout</c> label.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one probe attempt may take, so a hung request cannot use up the deadline.</summary>
    public TimeSpan ProbeAttemptTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where <c>&lt;service&gt;.log</c> and <c>&lt;service&gt;.inspect.json</c> go when a service fails.</summary>
    public string DiagnosticsDirectory { get; init; } = Path.Combine("artifacts", "smoke", "diagnostics");

    /// <summary>How many of a failed service's last log lines the report carries for the console.</summary>
    public int LogTailLines { get; init; } = 50;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public bool IsRemote => Engine is null;

    public static ReadinessRequest ForCompose(DockerEngineClient engine, string projectName) =>
        new() { Engine = engine, ProjectName = projectName };

    public static ReadinessRequest ForRemote(IReadOnlyList<RemoteService> services) =>
        new() { RemoteServices = services };

    internal void Validate()
    {
        if (Engine is not null && string.IsNullOrWhiteSpace(ProjectName))
        {
            throw new ArgumentException("a readiness request with a Docker engine needs the compose project name (ReadinessRequest.ForCompose(engine, project))");
        }

        if (Engine is null && RemoteServices.Count == 0)
        {
            throw new ArgumentException("a readiness request needs either a Docker engine and a compose project, or remote services with endpoints to probe");
        }

        if (DefaultTimeout <= TimeSpan.Zero || ProbeAttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException($"readiness timeouts must be positive (DefaultTimeout {DefaultTimeout}, ProbeAttemptTimeout {ProbeAttemptTimeout})");
        }
    }
}
