namespace Smoke.Testing.Policy;

/// <summary>One rule that voted to roll back, with the sentence people read and the facts behind it.</summary>
/// <param name="Reason">A sentence naming the tests, service or numbers, e.g. <c>7 of 30 tests failed (23.3%), more than the 20% allowed</c>.</param>
/// <param name="Tests">Fully qualified names of the tests behind the rule; empty for service and budget rules.</param>
public sealed record FiredRollbackRule(RollbackRule Rule, string Reason, IReadOnlyList<string> Tests)
{
    public string? Category { get; init; }

    public string? Service { get; init; }

    public string? Suite { get; init; }
}
