using Smoke.Testing.Policy;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Reports;

/// <summary>Reports of made-up runs: one that failed in every way a run can, with hostile text in it, and one that passed.</summary>
internal static class SampleRuns
{
    public const string Hostile = "<script>alert('owned')</script> | `tick` **bold** [link](http://evil.example) & </details> ``` -->";
    public const string Secret = "s3cr3t-db-password";

    public static readonly DateTimeOffset Start = new(2025, 3, 14, 13, 0, 0, TimeSpan.Zero);

    public static RunReport Failed()
    {
        var passing = Project("Smoke.Database.Tests", SmokeProjectStatus.Passed, 20, 12,
            Test("Smoke.Database.Tests.Connectivity", "Server_answers", TestOutcome.Passed, level: 1, critical: true, category: "database"),
            Test("Smoke.Database.Tests.Jsonb", "Round_trips_a_document", TestOutcome.Passed, level: 3, category: "database"));
        var failing = Project("Smoke.Services.Tests", SmokeProjectStatus.Failed, 20, 30,
            Test("Smoke.Services.Tests.Jobs", "Creates_a_job(kind: \"direct\")", TestOutcome.Passed, level: 3, critical: true, category: "services"),
            Test("Smoke.Services.Tests.Jobs", "Pages_through_jobs", TestOutcome.Failed, level: 4, category: "services",
                message: $"Assert.Equal() Failure\nExpected: 200\nActual:   503 {Hostile} password={Secret}"),
            Test("Smoke.Services.Tests.Health", "Metrics_are_exposed", TestOutcome.Skipped, level: 2, category: "services", message: "metrics are off in this profile"),
            Test("Smoke.Services.Tests.Health", "Ready_answers", TestOutcome.Passed, level: 2, category: "services") with
            {
                Attempts = [new TestAttempt(TestAttemptKind.FlakyFailure, "HttpRequestException: connection refused (127.0.0.1:49153)", null, null, null, null)],
            });
        var hung = Project("Smoke.EventBus.Tests", SmokeProjectStatus.Hung, 20, 60,
            Test("Smoke.EventBus.Tests", "[project hung]", TestOutcome.Failed, message: "killed after 1m 00s")) with
        {
            Note = "Smoke.EventBus.Tests was still running after 1m 00s and was killed with its test host.",
            OutputTail = ["Starting test execution, please wait...", $"connecting to amqp://smoke:{Secret}@127.0.0.1:5672"],
        };

        var smoke = new SmokeRunResult([passing, failing, hung], Start.AddSeconds(20), TimeSpan.FromSeconds(60))
        {
            Warnings = ["--only \"evnetbus\" names no smoke project and no test that ran has that category; check the spelling"],
        };
        var services = new[]
        {
            new ReportedService("postgres", true, TimeSpan.FromSeconds(4.2), "tcp 5432 open") { Start = Start.AddSeconds(8) },
            new ReportedService("api", true, TimeSpan.FromSeconds(9.8), "HTTP 200 from 127.0.0.1:49153/healthz/ready") { Start = Start.AddSeconds(8) },
            new ReportedService("generator-stub", false, TimeSpan.FromSeconds(10), $"HTTP 503 from 127.0.0.1:49160/health {Hostile}") { Start = Start.AddSeconds(8), Critical = false },
        };
        var decision = new RollbackPolicy().Decide(smoke.ToPolicyInput() with
        {
            Services = services.Select(service => new ServiceReadinessOutcome(service.Name, service.Critical, service.Ready)).ToList(),
        });

        return new RunReport(new RunInfo("run-42", Start, Start.AddSeconds(95), "ci-runner-7") { GitSha = "0123abcd", Profile = "ci" })
        {
            Targets =
            [
                new ReportedTarget("ValidateConfig", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(0.4)) { Start = Start },
                new ReportedTarget("ComposeUp", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(7)) { Start = Start.AddSeconds(1) },
                new ReportedTarget("WaitHealthy", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(11)) { Start = Start.AddSeconds(8) },
                new ReportedTarget("SmokeTests", ReportedTargetStatus.Failed, TimeSpan.FromSeconds(62), "2 smoke projects failed") { Start = Start.AddSeconds(19) },
                new ReportedTarget("Rollback", ReportedTargetStatus.Skipped, TimeSpan.Zero, "the policy keeps the release"),
            ],
            Services = services,
            Smoke = smoke,
            Rollback = decision,
        };
    }

    public static RunReport Passed()
    {
        var project = Project("Smoke.Database.Tests", SmokeProjectStatus.Passed, 5, 8,
            Test("Smoke.Database.Tests.Connectivity", "Server_answers", TestOutcome.Passed, level: 1, critical: true, category: "database"));
        var smoke = new SmokeRunResult([project], Start.AddSeconds(5), TimeSpan.FromSeconds(8));
        return new RunReport(new RunInfo("run-43", Start, Start.AddSeconds(15), "laptop"))
        {
            Targets = [new ReportedTarget("SmokeTests", ReportedTargetStatus.Succeeded, TimeSpan.FromSeconds(8))],
            Services = [new ReportedService("postgres", true, TimeSpan.FromSeconds(3))],
            Smoke = smoke,
            Rollback = new RollbackPolicy().Decide(smoke.ToPolicyInput()),
        };
    }

    private static SmokeProjectResult Project(string name, SmokeProjectStatus status, int startSecond, int seconds, params TestCase[] tests) =>
        new(name, $"/repo/tests/smoke/{name}/{name}.csproj", status, Start.AddSeconds(startSecond), TimeSpan.FromSeconds(seconds), tests,
            [new SmokeProjectAttempt(1, null, Start.AddSeconds(startSecond), TimeSpan.FromSeconds(seconds), status == SmokeProjectStatus.Hung ? null : 0, tests)])
        {
            JUnitFile = $"/repo/artifacts/test-results/{name}.junit.xml",
        };

    private static TestCase Test(
        string className, string name, TestOutcome outcome, int? level = null, bool critical = false, string? category = null, string? message = null)
    {
        var traits = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (level is { } value)
        {
            traits[TestTraits.Level] = [value.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        }

        traits[TestTraits.Critical] = [critical ? "true" : "false"];
        if (category is not null)
        {
            traits[TestTraits.Category] = [category];
        }

        return new TestCase($"{className}.{name}", name, className, outcome, TimeSpan.FromMilliseconds(420), message,
            outcome == TestOutcome.Failed ? $"   at {className}.{name}() in /repo/tests/smoke/Jobs.cs:line 31" : null, traits, []);
    }
}
