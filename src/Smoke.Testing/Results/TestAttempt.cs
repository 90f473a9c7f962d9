namespace Smoke.Testing.Results;

/// <summary>An earlier, failed attempt of a retried test (<c>flakyFailure</c>, <c>rerunFailure</c> and their error twins).</summary>
public sealed record TestAttempt(
    TestAttemptKind Kind,
    string? Message,
    string? FailureType,
    string? StackTrace,
    string? SystemOut,
    string? SystemErr);
