using System.Xml.Linq;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Smoke.JUnit.TestLogger.Options;
using Smoke.JUnit.TestLogger.Report;
using Smoke.JUnit.TestLogger.Results;
using Smoke.JUnit.TestLogger.Tests.Schema;

namespace Smoke.JUnit.TestLogger.Tests.Report;

public sealed class JUnitReportTests
{
    private static XDocument Create(TestRunRecord run, MethodFormat methodFormat = MethodFormat.Default, FailureBodyFormat failureBodyFormat = FailureBodyFormat.Default) =>
        JUnitReport.Create(run, new ReportLayout(methodFormat, failureBodyFormat));

    private static XElement Suite(XDocument document) => Assert.Single(document.Root!.Elements("testsuite"));

    private static XElement Case(XDocument document, string name) =>
        Assert.Single(document.Descendants("testcase"), c => (string?)c.Attribute("name") == name);

    [Fact]
    public void A_suite_counts_its_tests_by_verdict()
    {
        var run = Attempt.Run(
            Attempt.Passed("N.C.One"),
            Attempt.Failed("N.C.Two"),
            Attempt.Skipped("N.C.Three"),
            new RecordedTestResult(Attempt.Source, "N.C.Four", "N.C.Four", TestOutcome.NotFound, TimeSpan.Zero));

        var suite = Suite(Create(run));

        Assert.Equal("Sample.Tests", (string?)suite.Attribute("name"));
        Assert.Equal("Sample.Tests", (string?)suite.Attribute("package"));
        Assert.Equal("4", (string?)suite.Attribute("tests"));
        Assert.Equal("1", (string?)suite.Attribute("failures"));
        Assert.Equal("1", (string?)suite.Attribute("errors"));
        Assert.Equal("1", (string?)suite.Attribute("skipped"));
        Assert.Equal("0.750", (string?)suite.Attribute("time"));
        Assert.Equal("0", (string?)suite.Attribute("id"));
        Assert.Equal("ci-runner-7", (string?)suite.Attribute("hostname"));
    }

    [Fact]
    public void The_timestamp_is_the_run_start_in_UTC()
    {
        var suite = Suite(Create(Attempt.Run(Attempt.Passed())));

        Assert.Equal("2025-03-14T13:09:26Z", (string?)suite.Attribute("timestamp"));
    }

    [Fact]
    public void The_suite_names_its_assembly_path_and_framework_as_properties()
    {
        var properties = Suite(Create(Attempt.Run(Attempt.Passed()))).Element("properties")!.Elements("property")
            .ToDictionary(p => (string)p.Attribute("name")!, p => (string)p.Attribute("value")!);

        Assert.Equal(Attempt.Source, properties["source"]);
        Assert.Equal("net10.0", properties["framework"]);
        Assert.False(properties.ContainsKey("aborted"));
    }

    [Fact]
    public void The_root_totals_every_suite()
    {
        var other = Attempt.Failed() with { Source = "/repo/Other.Tests.dll" };
        var document = Create(Attempt.Run(Attempt.Passed(), Attempt.Failed("N.C.Two"), other));

        Assert.Equal(["Sample.Tests", "Other.Tests"], document.Root!.Elements("testsuite").Select(s => (string)s.Attribute("name")!));
        Assert.Equal(["0", "1"], document.Root.Elements("testsuite").Select(s => (string)s.Attribute("id")!));
        Assert.Equal("3", (string?)document.Root.Attribute("tests"));
        Assert.Equal("2", (string?)document.Root.Attribute("failures"));
        Assert.Equal("0", (string?)document.Root.Attribute("errors"));
    }

    [Fact]
    public void An_assembly_without_results_still_gets_an_empty_suite()
    {
        var run = Attempt.Run() with { Sources = ["/repo/Empty.Tests.dll"] };

        var suite = Suite(Create(run));

        Assert.Equal("Empty.Tests", (string?)suite.Attribute("name"));
        Assert.Equal("0", (string?)suite.Attribute("tests"));
        Assert.Empty(suite.Elements("testcase"));
    }

    [Fact]
    public void A_testcase_has_its_class_name_time_and_source_location()
    {
        var result = Attempt.Passed("Sample.Tests.CalculatorTests.Adds") with
        {
            CodeFilePath = "/repo/tests/Sample.Tests/CalculatorTests.cs",
            LineNumber = 12,
        };

        var testCase = Case(Create(Attempt.Run(result)), "Adds");

        Assert.Equal("Sample.Tests.CalculatorTests", (string?)testCase.Attribute("classname"));
        Assert.Equal("0.250", (string?)testCase.Attribute("time"));
        Assert.Equal("/repo/tests/Sample.Tests/CalculatorTests.cs", (string?)testCase.Attribute("file"));
        Assert.Equal("12", (string?)testCase.Attribute("line"));
        Assert.Empty(testCase.Elements());
    }

    [Fact]
    public void An_unknown_source_location_leaves_file_and_line_out()
    {
        var testCase = Case(Create(Attempt.Run(Attempt.Passed())), "Adds");

        Assert.Null(testCase.Attribute("file"));
        Assert.Null(testCase.Attribute("line"));
    }

    [Theory]
    [InlineData("Default", "Adds(a: 1, b: 2.5)")]
    [InlineData("Class", "CalculatorTests.Adds(a: 1, b: 2.5)")]
    [InlineData("Full", "Sample.Tests.CalculatorTests.Adds(a: 1, b: 2.5)")]
    public void Theory_arguments_stay_in_the_name_in_every_method_format(string format, string expected)
    {
        var result = Attempt.Passed("Sample.Tests.CalculatorTests.Adds", "Sample.Tests.CalculatorTests.Adds(a: 1, b: 2.5)");

        var testCase = Assert.Single(Create(Attempt.Run(result), Enum.Parse<MethodFormat>(format)).Descendants("testcase"));

        Assert.Equal(expected, (string?)testCase.Attribute("name"));
        Assert.Equal("Sample.Tests.CalculatorTests", (string?)testCase.Attribute("classname"));
    }

    [Fact]
    public void Theory_cases_with_different_arguments_are_separate_testcases()
    {
        var run = Attempt.Run(
            Attempt.Passed("N.C.M", "N.C.M(x: 1)"),
            Attempt.Failed("N.C.M", displayName: "N.C.M(x: 2)"));

        var document = Create(run);

        Assert.Equal(["M(x: 1)", "M(x: 2)"], document.Descendants("testcase").Select(c => (string)c.Attribute("name")!));
        Assert.Equal("2", (string?)Suite(document).Attribute("tests"));
    }

    [Fact]
    public void A_skipped_test_keeps_its_reason()
    {
        var skipped = Case(Create(Attempt.Run(Attempt.Skipped(reason: "waiting for the payments sandbox"))), "Divides").Element("skipped")!;

        Assert.Equal("waiting for the payments sandbox", (string?)skipped.Attribute("message"));
        Assert.Equal("waiting for the payments sandbox", skipped.Value);
    }

    [Fact]
    public void Traits_become_testcase_properties_in_order_and_with_repeats()
    {
        var result = Attempt.Passed() with
        {
            Traits = [new("Level", "3"), new("Category", "Payments"), new("Category", "Smoke")],
        };

        var properties = Case(Create(Attempt.Run(result)), "Adds").Element("properties")!.Elements("property");

        Assert.Equal(
            ["Level=3", "Category=Payments", "Category=Smoke"],
            properties.Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}"));
    }

    [Fact]
    public void Output_goes_to_system_out_and_errors_to_system_err()
    {
        var result = Attempt.Passed() with { StandardOutput = "connected to 127.0.0.1:5432\n", StandardError = "slow query\n" };

        var testCase = Case(Create(Attempt.Run(result)), "Adds");

        Assert.Equal("connected to 127.0.0.1:5432\n", testCase.Element("system-out")!.Value);
        Assert.Equal("slow query\n", testCase.Element("system-err")!.Value);
    }

    [Fact]
    public void Attachments_are_listed_in_system_out_the_Jenkins_way()
    {
        var result = Attempt.Failed() with
        {
            StandardOutput = "calling the API\n",
            Attachments = ["/repo/artifacts/smoke/diagnostics/api.log", "/repo/artifacts/smoke/diagnostics/api.inspect.json"],
        };

        var testCase = Case(Create(Attempt.Run(result)), "Adds");

        Assert.Equal(
            "calling the API\n"
            + "[[ATTACHMENT|/repo/artifacts/smoke/diagnostics/api.log]]\n"
            + "[[ATTACHMENT|/repo/artifacts/smoke/diagnostics/api.inspect.json]]\n",
            testCase.Element("system-out")!.Value);
    }

    [Fact]
    public void Run_attachments_and_run_errors_go_to_the_suite()
    {
        var run = Attempt.Run(Attempt.Passed()) with
        {
            RunAttachments = ["/tmp/coverage.cobertura.xml"],
            RunErrors = ["The active test run was aborted. Reason: Test host process crashed"],
            Aborted = true,
        };

        var suite = Suite(Create(run));

        Assert.Equal("[[ATTACHMENT|/tmp/coverage.cobertura.xml]]\n", suite.Element("system-out")!.Value);
        Assert.Equal("The active test run was aborted. Reason: Test host process crashed", suite.Element("system-err")!.Value);
        Assert.Contains(suite.Element("properties")!.Elements("property"), p => (string?)p.Attribute("name") == "aborted" && (string?)p.Attribute("value") == "true");
    }

    [Fact]
    public void Two_results_with_the_same_name_stay_two_testcases_and_a_failure_stays_a_failure()
    {
        // xunit cannot serialize some theory data; its rows then share one test case and may share a display name.
        var run = Attempt.Run(
            Attempt.Failed("N.C.M", displayName: "N.C.M(row: N.Row)"),
            Attempt.Passed("N.C.M", "N.C.M(row: N.Row)"));

        var document = Create(run);

        Assert.Equal(["M(row: N.Row)", "M(row: N.Row)"], document.Descendants("testcase").Select(c => (string)c.Attribute("name")!));
        Assert.Equal(("2", "1"), ((string?)Suite(document).Attribute("tests"), (string?)Suite(document).Attribute("failures")));
        Assert.Equal(("2", "1"), ((string?)document.Root!.Attribute("tests"), (string?)document.Root.Attribute("failures")));
        Assert.Single(document.Descendants("failure"));
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName.StartsWith("flaky", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_reported_three_times_is_three_testcases_as_dotnet_test_counts_them()
    {
        var run = Attempt.Run(
            Attempt.Failed(message: "first"),
            Attempt.Failed(message: "second"),
            Attempt.Passed());

        var suite = Suite(Create(run));

        Assert.Equal(("3", "2"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures")));
        Assert.Equal(["first", "second"], suite.Descendants("failure").Select(f => (string)f.Attribute("message")!));
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_escaped_visibly()
    {
        var result = Attempt.Failed(message: "bad \u0001 byte & <tag> \"quoted\"") with
        {
            StandardOutput = "bell \u0007, NUL \0, lone surrogate \uD800, emoji \U0001F525\n",
            Traits = [new("Category", "ctl\u001Fchar")],
        };

        var document = Create(Attempt.Run(result));
        var reparsed = XDocument.Parse(document.ToString());
        var testCase = Case(reparsed, "Adds");

        Assert.Equal("bad \\u0001 byte & <tag> \"quoted\"", (string?)testCase.Element("failure")!.Attribute("message"));
        Assert.Equal("bell \\u0007, NUL \\u0000, lone surrogate \\uD800, emoji \U0001F525\n", testCase.Element("system-out")!.Value);
        Assert.Equal("ctl\\u001Fchar", (string?)testCase.Element("properties")!.Element("property")!.Attribute("value"));
    }

    [Fact]
    public void A_report_with_every_feature_is_valid_against_junit_10_once_our_extensions_are_stripped()
    {
        var run = Attempt.Run(
            Attempt.Passed("N.C.Plain"),
            Attempt.Failed() with { Traits = [new("Level", "1")], CodeFilePath = "/repo/C.cs", LineNumber = 3, StandardOutput = "out\n", StandardError = "err\n" },
            Attempt.Skipped(),
            Attempt.Failed("N.C.Flaky"),
            Attempt.Passed("N.C.Flaky"),
            Attempt.Failed("N.C.Broken"),
            Attempt.Failed("N.C.Broken"),
            new RecordedTestResult(Attempt.Source, "N.C.Lost", "N.C.Lost", TestOutcome.NotFound, TimeSpan.Zero),
            Attempt.Passed() with { Attachments = ["/tmp/a.png"], DisplayName = "N.C.M(x: \u0001)" }) with
        {
            RunErrors = ["host crashed"],
            RunAttachments = ["/tmp/coverage.xml"],
            Aborted = true,
        };

        var document = Create(run);

        Assert.Empty(JUnitSchema.Validate(JUnitSchema.WithoutExtensions(document)));
        Assert.NotEmpty(JUnitSchema.Validate(document));
    }
}
