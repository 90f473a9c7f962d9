using Smoke.Stack.Readiness;
using Smoke.Testing.Policy;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Release.Tests.Support;

/// <summary>What a smoke run and a readiness wait hand the flows: decisions of the real policy, critical test runs, readiness reports.</summary>
internal static class SmokeResults
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 18, 40, 0, TimeSpan.Zero);

    /// <summary>The policy keeps the release: one critical test, passed.</summary>
    public static RollbackDecision Keep() => new RollbackPolicy().Decide(new RollbackPolicyInput([Test("Login_works", TestOutcome.Passed)]));

    /// <summary>The policy rolls back: the critical service "api" never became ready.</summary>
    public static RollbackDecision RollBack() => new RollbackPolicy().Decide(new RollbackPolicyInput([])
    {
        Services = [new ServiceReadinessOutcome("api", IsCritical: true, BecameReady: false) { Detail = "HTTP 503 from 127.0.0.1:49153/healthz/ready" }],
    });

    /// <summary>A Critical run of one project with these tests, every one of them critical.</summary>
    public static SmokeRunResult CriticalRun(SmokeProjectStatus status, params (string Name, TestOutcome Outcome)[] tests)
    {
        var cases = tests.Select(test => Test(test.Name, test.Outcome)).ToList();
        var project = new SmokeProjectResult("SmokeTests.Services", "/repo/tests/smoke/SmokeTests.Services/SmokeTests.Services.csproj", status, Start, TimeSpan.FromSeconds(3), cases, []);
        return new SmokeRunResult([project], Start, TimeSpan.FromSeconds(3));
    }

    public static SmokeRunResult CriticalRunPassed() => CriticalRun(SmokeProjectStatus.Passed, ("Health_is_ready", TestOutcome.Passed), ("Login_works", TestOutcome.Passed));

    /// <summary>Every service ready, or <paramref name="notReady"/> failed with a reason.</summary>
    public static ReadinessReport Readiness(params string[] notReady)
    {
        var services = new[] { "api", "worker" }.Select(service => notReady.Contains(service)
            ? new ServiceReadiness(service, ServiceReadinessState.Failed, true, TimeSpan.FromSeconds(5), Start) { Reason = $"service \"{service}\" exited with code 1" }
            : new ServiceReadiness(service, ServiceReadinessState.Ready, true, TimeSpan.FromSeconds(1), Start));
        return new ReadinessReport([.. services], StackEndpoints.None, TimeSpan.FromSeconds(5));
    }

    private static TestCase Test(string name, TestOutcome outcome) =>
        new(
            $"SmokeTests.Services.Checks.{name}",
            name,
            "SmokeTests.Services.Checks",
            outcome,
            TimeSpan.FromMilliseconds(10),
            outcome == TestOutcome.Failed ? "failed" : null,
            null,
            new Dictionary<string, IReadOnlyList<string>> { [TestTraits.Critical] = ["true"], [TestTraits.Level] = ["2"] },
            []);
}
