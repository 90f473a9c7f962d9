namespace Smoke.Stack.Engine;

public sealed record NetworkSummary(string Id, string Name, string Driver, IReadOnlyDictionary<string, string> Labels);
