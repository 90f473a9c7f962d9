namespace Smoke.Stack.Engine;

internal sealed record ContainerWaitResult(int StatusCode);
