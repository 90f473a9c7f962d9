using Smoke.Testing.Policy;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>Everything the reports show about one run. The build fills it in from its targets, the stack and the smoke run.</summary>
public sealed record RunReport(RunInfo Run)
{
    public IReadOnlyList<ReportedTarget> Targets { get; init; } = [];

    public IReadOnlyList<ReportedService> Services { get; init; } = [];

    /// <summary>The smoke test projects and their tests; null when the tests did not run.</summary>
    public SmokeRunResult? Smoke { get; init; }

    /// <summary>The rollback policy's decision, when it was asked.</summary>
    public RollbackDecision? Rollback { get; init; }

    /// <summary>Things people should know that did not fail the run; the smoke run's own warnings are added to these.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<SmokeProjectResult> Projects => Smoke?.Projects ?? [];

    public IReadOnlyList<string> AllWarnings => [.. Warnings, .. Smoke?.Warnings ?? []];

    public RunVerdict Verdict => FailureReasons.Count == 0 ? RunVerdict.Passed : RunVerdict.Failed;

    /// <summary>Why the run failed, one sentence each; empty when it passed.</summary>
    public IReadOnlyList<string> FailureReasons
    {
        get
        {
            var reasons = new List<string>();
            reasons.AddRange(Targets.Where(target => target.Status == ReportedTargetStatus.Failed)
                .Select(target => $"target {target.Name} failed" + (string.IsNullOrWhiteSpace(target.Note) ? string.Empty : $": {target.Note}")));
            reasons.AddRange(Services.Where(service => !service.Ready && service.Critical)
                .Select(service => $"service {service.Name} never became ready" + (string.IsNullOrWhiteSpace(service.Reason) ? string.Empty : $": {service.Reason}")));
            reasons.AddRange(Projects.Where(project => project.Status is not (SmokeProjectStatus.Passed or SmokeProjectStatus.Failed))
                .Select(project => $"{project.Name} {StatusText.Of(project.Status)}"));
            var failedTests = Projects.Where(project => project.Status == SmokeProjectStatus.Failed).Sum(project => project.Failed);
            if (failedTests > 0)
            {
                reasons.Add(failedTests == 1 ? "1 test failed" : $"{failedTests} tests failed");
            }

            if (Rollback is { RollBack: true })
            {
                reasons.Add("the rollback policy decided to roll the release back");
            }

            return reasons;
        }
    }
}
