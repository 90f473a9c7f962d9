using Smoke.Testing.Results;

namespace Smoke.Testing.Tests.Policy;

/// <summary>Builds the test cases a smoke run would produce, for policy tests.</summary>
internal static class SmokeRun
{
    public static TestCase Passed(string name, string? category = null, bool critical = false) =>
        Test(name, TestOutcome.Passed, category, critical);

    public static TestCase Failed(string name, string? category = null, bool critical = false) =>
        Test(name, TestOutcome.Failed, category, critical);

    public static TestCase Skipped(string name, string? category = null, bool critical = false) =>
        Test(name, TestOutcome.Skipped, category, critical);

    /// <summary>Failed first, passed on retry.</summary>
    public static TestCase Flaky(string name, string? category = null, bool critical = false) =>
        Test(name, TestOutcome.Passed, category, critical) with
        {
            Attempts = [new TestAttempt(TestAttemptKind.FlakyFailure, "timeout", "System.TimeoutException", null, null, null)],
        };

    public static IEnumerable<TestCase> Many(int count, TestOutcome outcome, string prefix) =>
        Enumerable.Range(1, count).Select(index => Test($"{prefix}_{index}", outcome, category: null, critical: false));

    private static TestCase Test(string name, TestOutcome outcome, string? category, bool critical)
    {
        var traits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Level"] = ["3"],
            ["Critical"] = [critical ? "true" : "false"],
        };
        if (category is not null)
        {
            traits["Category"] = [category];
        }

        return new TestCase(
            $"Smoke.Platform.Tests.Checks.{name}",
            name,
            "Smoke.Platform.Tests.Checks",
            outcome,
            TimeSpan.FromMilliseconds(10),
            outcome == TestOutcome.Failed ? "failed" : null,
            null,
            traits,
            []);
    }
}
