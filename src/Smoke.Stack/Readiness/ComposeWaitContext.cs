using Smoke.Stack.Engine;

namespace Smoke.Stack.Readiness;

/// <summary>What every service wait of one compose project shares.</summary>
internal sealed record ComposeWaitContext(
    DockerEngineClient Engine,
    string Project,
    ReadinessRequest Request,
    HttpClient Http,
    Action<ServiceReadinessChange> Report,
    CancellationToken Stopping);
