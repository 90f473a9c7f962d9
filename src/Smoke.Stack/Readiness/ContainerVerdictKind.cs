namespace Smoke.Stack.Readiness;

internal enum ContainerVerdictKind
{
    Pending,
    Ready,
    Failed,
}
