namespace Smoke.Build;

/// <summary>Counts of test outcomes, added up across test projects.</summary>
internal sealed record TestTotals(int Passed, int Failed, int Skipped)
{
    public static TestTotals operator +(TestTotals left, TestTotals right) =>
        new(left.Passed + right.Passed, left.Failed + right.Failed, left.Skipped + right.Skipped);

    public override string ToString() => $"Tests: {Passed} passed, {Failed} failed, {Skipped} skipped";
}
