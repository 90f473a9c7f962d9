using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Smoke.JUnit.TestLogger.Tests.Schema;

namespace Smoke.JUnit.TestLogger.Tests.EndToEnd;

/// <summary>Real <c>dotnet test</c> runs of Fixtures/JUnitFixture with <c>--logger junit</c>.</summary>
public sealed partial class DotnetTestWithLoggerTests(FixtureRun fixture) : IClassFixture<FixtureRun>
{
    private XElement Suite => Assert.Single(fixture.Report.Root!.Elements("testsuite"));

    private XElement Case(string name) =>
        Assert.Single(fixture.Report.Descendants("testcase"), c => (string?)c.Attribute("name") == name);

    [Fact]
    public void The_run_fails_because_the_fixture_has_failing_tests_and_the_report_is_where_LogFilePath_says()
    {
        Assert.Equal(1, fixture.Run.ExitCode);
        Assert.True(File.Exists(fixture.ReportPath), fixture.Run.Output);
        Assert.Equal([fixture.ReportPath], Directory.GetFiles(fixture.OutputDirectory));
    }

    [Fact]
    public void The_suite_counts_match_the_fixture()
    {
        Assert.Equal("testsuites", fixture.Report.Root!.Name.LocalName);
        Assert.Equal("JUnitFixture", (string?)Suite.Attribute("name"));
        Assert.Equal("12", (string?)Suite.Attribute("tests"));
        Assert.Equal("4", (string?)Suite.Attribute("failures"));
        Assert.Equal("0", (string?)Suite.Attribute("errors"));
        Assert.Equal("1", (string?)Suite.Attribute("skipped"));
        Assert.Equal("12", (string?)fixture.Report.Root.Attribute("tests"));
    }

    [Fact]
    public void The_report_totals_are_the_totals_dotnet_test_prints()
    {
        var summary = Assert.Single(DotnetTestSummary().Matches(fixture.Run.Output));
        int Count(string name) => int.Parse(summary.Groups[name].Value, CultureInfo.InvariantCulture);
        var root = fixture.Report.Root!;

        Assert.Equal(Count("total"), (int)root.Attribute("tests")!);
        Assert.Equal(Count("failed"), (int)root.Attribute("failures")! + (int)root.Attribute("errors")!);
        Assert.Equal(Count("skipped"), (int)Suite.Attribute("skipped")!);
    }

    [Fact]
    public void Theory_rows_with_the_same_name_are_two_testcases_and_the_failing_row_is_a_failure()
    {
        var rows = fixture.Report.Descendants("testcase").Where(c => (string?)c.Attribute("name") == "Same_name_rows(row: SameNameRow)").ToList();

        Assert.Equal(2, rows.Count);
        Assert.Single(rows, c => c.Element("failure") is not null);
        Assert.DoesNotContain(fixture.Report.Descendants(), e => e.Name.LocalName.StartsWith("flaky", StringComparison.Ordinal));
    }

    [Fact]
    public void The_suite_has_a_UTC_timestamp_a_hostname_and_the_framework()
    {
        var timestamp = (string?)Suite.Attribute("timestamp");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", timestamp);
        Assert.InRange(DateTimeOffset.Parse(timestamp!, CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
        Assert.Equal(Environment.MachineName, (string?)Suite.Attribute("hostname"));
        Assert.Contains(
            Suite.Element("properties")!.Elements("property"),
            p => (string?)p.Attribute("name") == "framework" && (string?)p.Attribute("value") == "net10.0");
    }

    [Fact]
    public void Every_test_is_a_testcase_named_by_method_with_theory_arguments()
    {
        Assert.Equal(
            [
                "Carries_traits", "Crashes_the_host_when_asked", "Fails", "Fails_with_invalid_characters", "Is_skipped", "Passes",
                "Same_name_rows(row: SameNameRow)", "Same_name_rows(row: SameNameRow)",
                "Theory_case(number: 1, word: \"one\")", "Theory_case(number: 2, word: \"two\")", "Throws", "Writes_output",
            ],
            fixture.Report.Descendants("testcase").Select(c => (string)c.Attribute("name")!).Order(StringComparer.Ordinal));
        Assert.All(fixture.Report.Descendants("testcase"), c => Assert.Equal("JUnitFixture.FixtureTests", (string?)c.Attribute("classname")));
    }

    [Fact]
    public void An_assertion_failure_has_its_message_and_stack_trace()
    {
        var failure = Case("Fails").Element("failure")!;

        Assert.StartsWith("Assert.Equal() Failure", (string?)failure.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal("failure", (string?)failure.Attribute("type"));
        Assert.Contains("FixtureTests.Fails()", failure.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_failure_is_typed_by_the_exception()
    {
        var failure = Case("Throws").Element("failure")!;

        Assert.Equal("System.InvalidOperationException", (string?)failure.Attribute("type"));
        Assert.Equal("the fixture threw on purpose", (string?)failure.Attribute("message"));
    }

    [Fact]
    public void A_skipped_test_keeps_its_reason()
    {
        var skipped = Case("Is_skipped").Element("skipped")!;

        Assert.Equal("waiting for the payments sandbox", (string?)skipped.Attribute("message"));
        Assert.Equal("waiting for the payments sandbox", skipped.Value);
    }

    [Fact]
    public void Traits_are_testcase_properties()
    {
        var traits = Case("Carries_traits").Element("properties")!.Elements("property")
            .Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(["Category=Payments", "Critical=true", "Level=3"], traits);
    }

    [Fact]
    public void Test_output_is_in_the_testcase_system_out()
    {
        Assert.Equal("first line of output\nsecond line of output\n", Case("Writes_output").Element("system-out")!.Value);
        Assert.Null(Case("Passes").Element("system-out"));
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_escaped_and_the_file_stays_well_formed()
    {
        var testCase = Case("Fails_with_invalid_characters");

        Assert.Contains("message with \\u0001 control characters \\u001B[31m and <markup> & \"quotes\"", (string?)testCase.Element("failure")!.Attribute("message"), StringComparison.Ordinal);
        Assert.Equal("bell\\u0007in a trait", (string?)testCase.Element("properties")!.Element("property")!.Attribute("value"));
        Assert.DoesNotMatch("[\u0000-\u0008\u000B\u000C\u000E-\u001F]", fixture.ReportText);
    }

    [Fact]
    public void Per_test_failure_notices_do_not_clutter_the_suite_error_output()
    {
        Assert.Null(Suite.Element("system-err"));
    }

    [Fact]
    public void The_report_is_valid_against_junit_10_once_our_extensions_are_stripped()
    {
        Assert.Empty(JUnitSchema.Validate(JUnitSchema.WithoutExtensions(fixture.Report)));
    }

    [Fact]
    public void The_only_schema_complaints_about_the_full_report_are_our_documented_extensions()
    {
        var problems = JUnitSchema.Validate(fixture.Report);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.True(
            p.Contains("'properties'", StringComparison.Ordinal) || p.Contains("'file'", StringComparison.Ordinal) || p.Contains("'line'", StringComparison.Ordinal),
            p));
    }

    [Fact]
    public async Task LogFileName_puts_the_report_in_the_results_directory_with_tokens_filled()
    {
        var results = fixture.NewDirectory("results-logfilename");

        var run = await fixture.RunAgainAsync("junit;LogFileName={assembly}.{framework}.junit.xml;MethodFormat=Full", results);

        var path = Path.Combine(results, "JUnitFixture.net10.0.junit.xml");
        Assert.True(File.Exists(path), run.Output);
        Assert.Contains(
            XDocument.Load(path).Descendants("testcase"),
            c => (string?)c.Attribute("name") == "JUnitFixture.FixtureTests.Theory_case(number: 1, word: \"one\")");
    }

    [Fact]
    public async Task A_parameter_value_only_spekts_logger_would_take_warns_and_the_run_still_writes_its_report()
    {
        var results = fixture.NewDirectory("results-bad-parameter");

        var run = await fixture.RunAgainAsync("junit;MethodFormat=Long;StoreConsoleOutput=false;UseRelativeAttachmentPath=true", results);

        Assert.Contains("parameter MethodFormat has the value \"Long\", which is not one of Default, Class, Full; using the default, Default.", run.Output, StringComparison.Ordinal);
        var report = XDocument.Load(Path.Combine(results, "JUnitFixture.junit.xml"));
        Assert.Contains(report.Descendants("testcase"), c => (string?)c.Attribute("name") == "Theory_case(number: 1, word: \"one\")");
        Assert.DoesNotContain(report.Descendants("testcase"), c => c.Element("system-out") is not null);
    }

    [Fact]
    public async Task A_crashed_test_host_is_an_error_that_the_report_counts()
    {
        var results = fixture.NewDirectory("results-crash");

        var run = await fixture.RunAgainAsync(
            "junit",
            results,
            "FullyQualifiedName~Crashes_the_host_when_asked",
            new Dictionary<string, string> { ["JUNIT_FIXTURE_CRASH"] = "1" });

        Assert.NotEqual(0, run.ExitCode);
        var report = XDocument.Load(Path.Combine(results, "JUnitFixture.junit.xml"));
        var suite = Assert.Single(report.Root!.Elements("testsuite"));
        Assert.Equal(("1", "1"), ((string?)report.Root.Attribute("tests"), (string?)report.Root.Attribute("errors")));
        Assert.Equal(("1", "1"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("errors")));
        var error = Assert.Single(suite.Elements("testcase"), c => (string?)c.Attribute("name") == "test host aborted").Element("error")!;
        Assert.False(string.IsNullOrWhiteSpace(error.Value), run.Output);
    }

    [GeneratedRegex(@"Failed:\s+(?<failed>\d+), Passed:\s+(?<passed>\d+), Skipped:\s+(?<skipped>\d+), Total:\s+(?<total>\d+)")]
    private static partial Regex DotnetTestSummary();
}
