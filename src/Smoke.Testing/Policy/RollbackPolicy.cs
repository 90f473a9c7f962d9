using System.Globalization;
using Smoke.Testing.Results;

namespace Smoke.Testing.Policy;

/// <summary>Decides whether a smoke run rolls its release back. Pure: same input, same decision.</summary>
public sealed class RollbackPolicy
{
    private const int NamesInSentence = 5;

    public RollbackPolicy(RollbackPolicyOptions? options = null) =>
        Options = (options ?? new RollbackPolicyOptions()).Validate();

    public RollbackPolicyOptions Options { get; }

    public RollbackDecision Decide(RollbackPolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // A test that passed on retry is flaky, not failed: it never counts toward a rule.
        var failed = input.Tests.Where(test => test.Outcome == TestOutcome.Failed).ToList();
        var executed = input.Tests.Count(test => test.Outcome != TestOutcome.Skipped);
        var criticalFailed = failed.Where(test => test.IsCritical).ToList();
        var notReady = input.Services.Where(service => !service.BecameReady).ToList();

        var fired = new List<FiredRollbackRule>();
        if (Options.RollBackOnServiceNotReady)
        {
            fired.AddRange(notReady.Where(service => service.IsCritical).Select(ServiceNotReady));
        }

        if (Options.RollBackOnCriticalFailure && criticalFailed.Count > 0)
        {
            fired.Add(new FiredRollbackRule(
                RollbackRule.CriticalTestFailed,
                $"{Nouns.Count(criticalFailed.Count, "critical test")} failed: {Names(criticalFailed)}",
                FullNames(criticalFailed)));
        }

        foreach (var category in Options.RollbackCategories.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var inCategory = failed.Where(test => test.HasCategory(category)).ToList();
            if (inCategory.Count > 0)
            {
                fired.Add(new FiredRollbackRule(
                    RollbackRule.CategoryTestFailed,
                    $"{Nouns.Count(inCategory.Count, "test")} in the \"{category}\" category failed: {Names(inCategory)}",
                    FullNames(inCategory))
                { Category = category });
            }
        }

        foreach (var category in Options.EssentialCategories.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var ran = input.Tests.Where(test => test.Outcome != TestOutcome.Skipped && test.HasCategory(category)).ToList();
            if (ran.Count > 0 && ran.All(test => test.Outcome == TestOutcome.Failed))
            {
                fired.Add(new FiredRollbackRule(
                    RollbackRule.EssentialCategoryFailed,
                    $"every test in the essential category \"{category}\" failed ({ran.Count} of {ran.Count}): {Names(ran)}",
                    FullNames(ran))
                { Category = category });
            }
        }

        // Compared as failed/executed > threshold/100, multiplied out so that exactly 20% never fires on rounding.
        if (executed > 0 && failed.Count * 100m > Options.FailedPercentThreshold * executed)
        {
            fired.Add(new FiredRollbackRule(
                RollbackRule.FailureRateExceeded,
                $"{failed.Count} of {executed} tests failed ({Percent(failed.Count, executed)}%), " +
                    $"more than the {Options.FailedPercentThreshold.ToString(CultureInfo.InvariantCulture)}% allowed",
                FullNames(failed)));
        }

        if (Options.RollBackOnBudgetOverrun)
        {
            fired.AddRange(input.BudgetOverruns.Select(overrun => new FiredRollbackRule(
                RollbackRule.BudgetExceeded,
                $"suite \"{overrun.Suite}\" took {Duration(overrun.Elapsed)}, over its maximum of {Duration(overrun.Maximum)}",
                [])
            { Suite = overrun.Suite }));
        }

        var inputs = new RollbackInputsSummary(
            input.Tests.Count,
            input.Tests.Count(test => test.Outcome == TestOutcome.Passed),
            failed.Count,
            input.Tests.Count(test => test.Outcome == TestOutcome.Skipped),
            executed == 0 ? 0m : Percent(failed.Count, executed),
            FullNames(failed),
            FullNames(criticalFailed),
            FullNames(input.Tests.Where(test => test.IsFlaky)),
            notReady,
            input.BudgetOverruns);

        return new RollbackDecision(fired.Count > 0, fired, inputs, Options);
    }

    private static FiredRollbackRule ServiceNotReady(ServiceReadinessOutcome service)
    {
        var within = service.Elapsed is { } elapsed ? $" within {Duration(elapsed)}" : string.Empty;
        var detail = string.IsNullOrWhiteSpace(service.Detail) ? string.Empty : $": {service.Detail}";
        return new FiredRollbackRule(RollbackRule.ServiceNotReady, $"critical service \"{service.Service}\" never became ready{within}{detail}", [])
        {
            Service = service.Service,
        };
    }

    private static decimal Percent(int part, int whole) => Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);


    private static List<string> FullNames(IEnumerable<TestCase> tests) => tests.Select(test => test.FullyQualifiedName).ToList();

    /// <summary>Class and method without the namespace: enough to find the test, short enough to read.</summary>
    private static string Names(IReadOnlyList<TestCase> tests)
    {
        var names = tests.Take(NamesInSentence).Select(ShortName);
        var rest = tests.Count - NamesInSentence;
        return string.Join(", ", names) + (rest > 0 ? $" and {rest} more" : string.Empty);
    }

    private static string ShortName(TestCase test)
    {
        var classPrefix = test.ClassName + ".";
        if (!test.FullyQualifiedName.StartsWith(classPrefix, StringComparison.Ordinal))
        {
            return test.FullyQualifiedName;
        }

        var shortClass = test.ClassName[(test.ClassName.LastIndexOf('.') + 1)..];
        return shortClass + "." + test.FullyQualifiedName[classPrefix.Length..];
    }

    /// <summary>Seconds up to two minutes, as budgets are usually written; minutes beyond.</summary>
    private static string Duration(TimeSpan duration) =>
        duration.TotalSeconds < 120
            ? $"{Math.Round(duration.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture)}s"
            : duration.Seconds == 0
                ? $"{(int)duration.TotalMinutes}m"
                : $"{(int)duration.TotalMinutes}m {duration.Seconds}s";
}
