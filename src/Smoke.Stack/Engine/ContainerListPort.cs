namespace Smoke.Stack.Engine;

internal sealed record ContainerListPort(string? IP, int PrivatePort, int PublicPort, string? Type);
