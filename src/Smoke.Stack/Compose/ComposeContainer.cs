using Smoke.Stack.Engine;

namespace Smoke.Stack.Compose;

/// <summary>A container of a compose project, as the engine sees it.</summary>
public sealed record ComposeContainer(
    string Service,
    string Id,
    string Name,
    string State,
    string Status,
    bool IsOneOff,
    int Number,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<PublishedPort> Ports);
