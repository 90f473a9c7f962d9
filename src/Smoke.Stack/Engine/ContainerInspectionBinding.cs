namespace Smoke.Stack.Engine;

internal sealed record ContainerInspectionBinding(string? HostIp, string? HostPort);
