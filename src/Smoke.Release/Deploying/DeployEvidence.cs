using Smoke.Testing.Policy;

namespace Smoke.Release;

/// <summary>What a deploy's verdict is judged on: the rollback policy's decision, and whether the smoke tests ran at all.</summary>
public sealed record DeployEvidence(RollbackDecision Decision)
{
    /// <summary>The smoke tests ran and some failed; a release the policy keeps anyway says so.</summary>
    public bool SmokeTestsFailed { get; init; }

    /// <summary>
    /// Why the release was never smoke-tested, e.g. <c>ComposeUp failed (...)</c>; null when the tests ran. A release no test
    /// has seen is not kept, whatever the policy says.
    /// </summary>
    public string? UntestedBecause { get; init; }

    internal bool KeepsRelease => !Decision.RollBack && UntestedBecause is null;

    internal string FailureReason => Decision.RollBack ? Decision.Summary : $"the release was never smoke-tested: {UntestedBecause}";
}
