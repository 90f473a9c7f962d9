using System.Globalization;

namespace Smoke.Testing.Results;

/// <summary>One test as it ended, with its traits and any earlier failed attempts.</summary>
/// <param name="FullyQualifiedName">Namespace, class and method, e.g. <c>Smoke.Database.Tests.Connectivity.Server_answers</c>.</param>
/// <param name="DisplayName">The name as the test framework showed it, theory arguments included.</param>
/// <param name="ClassName">The fully qualified class name.</param>
/// <param name="Traits">Trait name to values, compared without regard to case. A trait may hold several values.</param>
/// <param name="Attempts">Earlier failed attempts, oldest first; empty when the test ran once.</param>
/// <param name="Attachments">Paths named by <c>[[ATTACHMENT|path]]</c> lines in the test's output.</param>
public sealed record TestCase(
    string FullyQualifiedName,
    string DisplayName,
    string ClassName,
    TestOutcome Outcome,
    TimeSpan Duration,
    string? Message,
    string? StackTrace,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Traits,
    IReadOnlyList<TestAttempt> Attempts)
{
    public string? FailureType { get; init; }

    public string? SystemOut { get; init; }

    public string? SystemErr { get; init; }

    public string? File { get; init; }

    public int? Line { get; init; }

    public IReadOnlyList<string> Attachments { get; init; } = [];

    /// <summary>The <c>Level</c> trait (1 configuration, 2 health, 3 critical paths, 4 workflows), when present and numeric.</summary>
    public int? Level =>
        TraitValues(TestTraits.Level) is [var first, ..] && int.TryParse(first, CultureInfo.InvariantCulture, out var level)
            ? level
            : null;

    /// <summary>True when the <c>Critical</c> trait says <c>true</c>.</summary>
    public bool IsCritical =>
        TraitValues(TestTraits.Critical).Any(value => bool.TryParse(value, out var critical) && critical);

    public IReadOnlyList<string> Categories => TraitValues(TestTraits.Category);

    /// <summary>A test that passed only after earlier attempts failed.</summary>
    public bool IsFlaky => Outcome == TestOutcome.Passed && Attempts.Count > 0;

    public bool HasCategory(string category) =>
        Categories.Any(value => string.Equals(value, category, StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<string> TraitValues(string trait) =>
        Traits.TryGetValue(trait, out var values)
            ? values
            : Traits.FirstOrDefault(pair => string.Equals(pair.Key, trait, StringComparison.OrdinalIgnoreCase)).Value ?? [];
}
