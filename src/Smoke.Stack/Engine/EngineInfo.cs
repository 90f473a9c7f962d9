namespace Smoke.Stack.Engine;

/// <summary>The parts of <c>/info</c> a pipeline reports or checks.</summary>
public sealed record EngineInfo(
    string? Name,
    string? ServerVersion,
    string? OperatingSystem,
    string? OSType,
    string? Architecture,
    string? Driver,
    string? CgroupVersion,
    int Containers,
    int ContainersRunning,
    int Images,
    int NCPU,
    long MemTotal);
