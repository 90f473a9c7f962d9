namespace Smoke.Stack.Engine;

internal sealed record CreatedResource(string? Id, List<string>? Warnings);
