namespace Smoke.Stack.Engine;

internal sealed record ImageInspectionConfig(Dictionary<string, string>? Labels);
