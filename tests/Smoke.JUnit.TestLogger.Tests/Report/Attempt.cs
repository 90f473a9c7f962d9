using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Smoke.JUnit.TestLogger.Results;

namespace Smoke.JUnit.TestLogger.Tests.Report;

/// <summary>Hand-made results for the report tests, named after what they stand for.</summary>
internal static class Attempt
{
    public const string Source = "/repo/tests/Sample.Tests/bin/Debug/net10.0/Sample.Tests.dll";

    public static RecordedTestResult Passed(string method = "Sample.Tests.CalculatorTests.Adds", string? displayName = null) =>
        new(Source, method, displayName ?? method, TestOutcome.Passed, TimeSpan.FromMilliseconds(250));

    public static RecordedTestResult Failed(
        string method = "Sample.Tests.CalculatorTests.Adds",
        string message = "Assert.Equal() Failure: Values differ",
        string? displayName = null) =>
        new(Source, method, displayName ?? method, TestOutcome.Failed, TimeSpan.FromMilliseconds(500))
        {
            ErrorMessage = message,
            ErrorStackTrace = "   at Sample.Tests.CalculatorTests.Adds() in /repo/tests/Sample.Tests/CalculatorTests.cs:line 12",
        };

    public static RecordedTestResult Skipped(string method = "Sample.Tests.CalculatorTests.Divides", string? reason = "not yet") =>
        new(Source, method, method, TestOutcome.Skipped, TimeSpan.Zero) { ErrorMessage = reason };

    public static TestRunRecord Run(params RecordedTestResult[] results) =>
        new(new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(2)), [Source], results, [], [])
        {
            TargetFramework = ".NETCoreApp,Version=v10.0",
            HostName = "ci-runner-7",
        };
}
