namespace Smoke.Stack.Engine;

/// <summary>How a <see cref="DockerEngineClient"/> talks to the engine; every default suits a local daemon.</summary>
public sealed record DockerEngineOptions
{
    /// <summary>Pin an API version (like DOCKER_API_VERSION); null negotiates through <c>/_ping</c>.</summary>
    public string? ApiVersion { get; init; } = Environment.GetEnvironmentVariable("DOCKER_API_VERSION") is { Length: > 0 } pinned ? pinned : null;

    /// <summary>Deadline for one ordinary request; streams (events, logs that follow, pull, build, import) have none.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Deadline for <c>/_ping</c> and version negotiation: a daemon that does not answer this fast is treated as unreachable.</summary>
    public TimeSpan PingTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
