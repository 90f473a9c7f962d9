namespace Smoke.Stack.Engine;

public sealed record VolumeSummary(string Name, string Driver, IReadOnlyDictionary<string, string> Labels);
