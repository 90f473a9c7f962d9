namespace Smoke.Stack.Engine;

/// <summary><c>/version</c>: the daemon's release and the API versions it accepts.</summary>
public sealed record EngineVersion(
    string Version,
    string ApiVersion,
    string? MinAPIVersion,
    string? Os,
    string? Arch,
    string? KernelVersion);
