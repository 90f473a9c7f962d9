namespace Smoke.Stack.Engine;

internal sealed record JsonMessageAux(string? ID);
