namespace Smoke.Stack.Engine;

internal sealed record EngineEventActor(string? ID, Dictionary<string, string>? Attributes);
