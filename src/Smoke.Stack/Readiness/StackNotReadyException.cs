namespace Smoke.Stack.Readiness;

/// <summary>Critical services did not become ready; the message has one line per failed service.</summary>
public sealed class StackNotReadyException : Exception
{
    public StackNotReadyException(ReadinessReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    public ReadinessReport Report { get; }

    private static string Describe(ReadinessReport report)
    {
        var failures = report.Failures;
        var header = failures.Count == 1 ? "1 critical service is not ready:" : $"{failures.Count} critical services are not ready:";
        return string.Join(Environment.NewLine, failures.Select(f => $"  {f.Reason}").Prepend(header));
    }
}
