using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>One test's final outcome in each run of a repeated smoke run.</summary>
/// <param name="Outcomes">Per run, first run first; null for a run in which the test did not appear (its project died before it).</param>
/// <param name="FailureMessages">The failure message of each run it failed in, first run first.</param>
public sealed record TestHistory(string Project, string ClassName, string Name, IReadOnlyList<TestOutcome?> Outcomes, IReadOnlyList<string> FailureMessages)
{
    /// <summary>Passed in some runs and failed in others.</summary>
    public bool IsFlaky => Outcomes.Contains(TestOutcome.Passed) && Outcomes.Contains(TestOutcome.Failed);

    /// <summary>The outcomes as one letter per run, e.g. <c>FPFP</c> (P passed, F failed, S skipped, - absent).</summary>
    public string OutcomeLetters => string.Concat(Outcomes.Select(outcome => outcome switch
    {
        TestOutcome.Passed => 'P',
        TestOutcome.Failed => 'F',
        TestOutcome.Skipped => 'S',
        _ => '-',
    }));
}
