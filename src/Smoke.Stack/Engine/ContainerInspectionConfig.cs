namespace Smoke.Stack.Engine;

internal sealed record ContainerInspectionConfig(string? Image, bool Tty, Dictionary<string, string>? Labels);
