namespace Smoke.Stack.Engine;

internal sealed record JsonMessageError(int Code, string? Message);
