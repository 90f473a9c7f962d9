using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>Statuses in the words and signs the reports use.</summary>
internal static class StatusText
{
    public static string Of(SmokeProjectStatus status) => status switch
    {
        SmokeProjectStatus.BuildFailed => "did not build",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Of(TestCase test) => test.IsFlaky ? "flaky" : test.Outcome.ToString().ToLowerInvariant();

    public static string Of(ReportedTargetStatus status) => status switch
    {
        ReportedTargetStatus.NotRun => "not run",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Sign(SmokeProjectStatus status) => status switch
    {
        SmokeProjectStatus.Passed => "✅",
        SmokeProjectStatus.Failed => "❌",
        SmokeProjectStatus.Hung => "⏱️",
        _ => "💥",
    };

    public static string Sign(TestCase test) => test.IsFlaky ? "⚠️" : test.Outcome switch
    {
        TestOutcome.Passed => "✅",
        TestOutcome.Failed => "❌",
        _ => "⏭️",
    };

    public static string Sign(ReportedTargetStatus status) => status switch
    {
        ReportedTargetStatus.Succeeded or ReportedTargetStatus.Collective => "✅",
        ReportedTargetStatus.Failed => "❌",
        ReportedTargetStatus.Cancelled => "⏹️",
        _ => "⏭️",
    };

    public static string Sign(RunVerdict verdict) => verdict == RunVerdict.Passed ? "✅" : "❌";
}
