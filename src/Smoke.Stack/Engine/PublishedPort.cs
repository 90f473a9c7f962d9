namespace Smoke.Stack.Engine;

/// <summary>A container port published on the host, e.g. 5432/tcp on 127.0.0.1:49153.</summary>
public sealed record PublishedPort(int ContainerPort, string Protocol, string HostIp, int HostPort);
