using System.Text.Json;

namespace Smoke.Testing.Tests.Reports;

public sealed class ReportJsonTests(ReportFiles files) : IClassFixture<ReportFiles>
{
    private JsonElement Failed => JsonDocument.Parse(File.ReadAllText(files.Failed.Json)).RootElement;

    [Fact]
    public void The_report_carries_its_schema_version_and_verdict_first()
    {
        var names = Failed.EnumerateObject().Select(property => property.Name).ToList();

        Assert.Equal(
            ["schemaVersion", "verdict", "failureReasons", "run", "totals", "targets", "services", "projects", "notSelected", "tests", "rollback", "warnings"],
            names);
        Assert.Equal(1, Failed.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("failed", Failed.GetProperty("verdict").GetString());
        Assert.Equal("passed", JsonDocument.Parse(File.ReadAllText(files.Passed.Json)).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void The_run_says_which_run_where_and_when()
    {
        var run = Failed.GetProperty("run");

        Assert.Equal("run-42", run.GetProperty("id").GetString());
        Assert.Equal("2025-03-14T13:00:00+00:00", run.GetProperty("start").GetString());
        Assert.Equal("2025-03-14T13:01:35+00:00", run.GetProperty("end").GetString());
        Assert.Equal(95, run.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("ci-runner-7", run.GetProperty("host").GetString());
        Assert.Equal("0123abcd", run.GetProperty("gitSha").GetString());
        Assert.Equal("ci", run.GetProperty("profile").GetString());
    }

    [Fact]
    public void Targets_and_services_carry_status_timing_and_reasons()
    {
        var smokeTests = Failed.GetProperty("targets").EnumerateArray().Single(target => target.GetProperty("name").GetString() == "SmokeTests");
        Assert.Equal("failed", smokeTests.GetProperty("status").GetString());
        Assert.Equal(62, smokeTests.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("2 smoke projects failed", smokeTests.GetProperty("note").GetString());
        var rollback = Failed.GetProperty("targets").EnumerateArray().Single(target => target.GetProperty("name").GetString() == "Rollback");
        Assert.Equal(JsonValueKind.Null, rollback.GetProperty("start").ValueKind);
        Assert.Equal("skipped", rollback.GetProperty("status").GetString());

        var api = Failed.GetProperty("services").EnumerateArray().Single(service => service.GetProperty("name").GetString() == "api");
        Assert.Equal("ready", api.GetProperty("status").GetString());
        Assert.Equal(9.8, api.GetProperty("timeToReadySeconds").GetDouble());
        Assert.True(api.GetProperty("critical").GetBoolean());
        var stub = Failed.GetProperty("services").EnumerateArray().Single(service => service.GetProperty("name").GetString() == "generator-stub");
        Assert.Equal("failed", stub.GetProperty("status").GetString());
        Assert.False(stub.GetProperty("critical").GetBoolean());
        Assert.StartsWith("HTTP 503 from 127.0.0.1:49160/health <script>", stub.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_carry_status_totals_attempts_and_the_output_tail_masked()
    {
        var projects = Failed.GetProperty("projects").EnumerateArray().ToList();

        Assert.Equal(["passed", "failed", "hung"], projects.Select(project => project.GetProperty("status").GetString()));
        var services = projects[1];
        Assert.Equal(30, services.GetProperty("durationSeconds").GetDouble());
        Assert.Equal("/repo/artifacts/test-results/Smoke.Services.Tests.junit.xml", services.GetProperty("junitFile").GetString());
        var totals = services.GetProperty("totals");
        Assert.Equal((4, 2, 1, 1, 1), (totals.GetProperty("tests").GetInt32(), totals.GetProperty("passed").GetInt32(), totals.GetProperty("failed").GetInt32(),
            totals.GetProperty("skipped").GetInt32(), totals.GetProperty("flaky").GetInt32()));
        var attempt = Assert.Single(services.GetProperty("attempts").EnumerateArray());
        Assert.Equal(0, attempt.GetProperty("exitCode").GetInt32());
        Assert.Equal(4, attempt.GetProperty("tests").GetArrayLength());

        var hung = projects[2];
        Assert.Equal(JsonValueKind.Null, hung.GetProperty("attempts")[0].GetProperty("exitCode").ValueKind);
        Assert.Equal("connecting to amqp://smoke:***@127.0.0.1:5672", hung.GetProperty("outputTail")[1].GetString());
    }

    [Fact]
    public void Tests_are_one_flat_list_with_project_traits_outcome_and_earlier_attempts()
    {
        var tests = Failed.GetProperty("tests").EnumerateArray().ToList();
        var flaky = tests.Single(test => test.GetProperty("name").GetString() == "Smoke.Services.Tests.Health.Ready_answers");

        Assert.Equal(7, tests.Count);
        Assert.Equal("Smoke.Services.Tests", flaky.GetProperty("project").GetString());
        Assert.Equal("passed", flaky.GetProperty("outcome").GetString());
        Assert.True(flaky.GetProperty("flaky").GetBoolean());
        Assert.Equal(2, flaky.GetProperty("level").GetInt32());
        Assert.False(flaky.GetProperty("critical").GetBoolean());
        Assert.Equal(["services"], flaky.GetProperty("categories").EnumerateArray().Select(category => category.GetString()));
        Assert.Equal(0.42, flaky.GetProperty("durationSeconds").GetDouble());
        var earlier = Assert.Single(flaky.GetProperty("earlierAttempts").EnumerateArray());
        Assert.Equal("flakyFailure", earlier.GetProperty("kind").GetString());

        var failed = tests.Single(test => test.GetProperty("name").GetString() == "Smoke.Services.Tests.Jobs.Pages_through_jobs");
        Assert.Equal("failed", failed.GetProperty("outcome").GetString());
        Assert.Contains("Expected: 200", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("password=***", failed.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_rollback_decision_keeps_the_policy_shape_with_its_inputs()
    {
        var rollback = Failed.GetProperty("rollback");

        Assert.True(rollback.GetProperty("rollBack").GetBoolean());
        var rule = Assert.Single(rollback.GetProperty("firedRules").EnumerateArray());
        Assert.Equal("FailureRateExceeded", rule.GetProperty("rule").GetString());
        Assert.Equal(2, rollback.GetProperty("inputs").GetProperty("failed").GetInt32());
        Assert.Equal(["Smoke.Services.Tests.Health.Ready_answers"], rollback.GetProperty("inputs").GetProperty("flakyTests").EnumerateArray().Select(test => test.GetString()));
        Assert.Equal(20, rollback.GetProperty("options").GetProperty("failedPercentThreshold").GetDecimal());
        Assert.StartsWith("roll back: 2 of 6 tests failed", rollback.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_reaches_the_file()
    {
        Assert.DoesNotContain(SampleRuns.Secret, File.ReadAllText(files.Failed.Json), StringComparison.Ordinal);
    }
}
