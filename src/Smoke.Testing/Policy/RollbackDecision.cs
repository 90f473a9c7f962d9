namespace Smoke.Testing.Policy;

/// <summary>The policy's verdict on a smoke run: whether to roll back, every rule that fired, and what it looked at.</summary>
public sealed record RollbackDecision(
    bool RollBack,
    IReadOnlyList<FiredRollbackRule> FiredRules,
    RollbackInputsSummary Inputs,
    RollbackPolicyOptions Options)
{
    /// <summary>One line for the console and the summary's first line.</summary>
    public string Summary => RollBack
        ? $"roll back: {string.Join("; ", FiredRules.Select(rule => rule.Reason))}"
        : $"keep the release: no rollback rule fired ({Nouns.Count(Inputs.Total, "test")}, {Inputs.Failed} failed, {Inputs.Skipped} skipped" +
            (Inputs.FlakyTests.Count > 0 ? $", {Inputs.FlakyTests.Count} flaky" : string.Empty) + ")";
}
