namespace Smoke.Stack.Readiness;

public enum ServiceReadinessState
{
    Waiting,
    Ready,
    Failed,

    /// <summary>Not waited on to the end because a service it depends on did not become ready.</summary>
    Blocked,
}
