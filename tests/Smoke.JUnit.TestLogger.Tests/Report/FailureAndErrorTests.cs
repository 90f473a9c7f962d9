using System.Xml.Linq;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Smoke.JUnit.TestLogger.Options;
using Smoke.JUnit.TestLogger.Report;
using Smoke.JUnit.TestLogger.Results;

namespace Smoke.JUnit.TestLogger.Tests.Report;

/// <summary>The failure and error elements: what they say, that they always have text, and the aborted run's error.</summary>
public sealed class FailureAndErrorTests
{
    private static XDocument Create(TestRunRecord run, FailureBodyFormat failureBodyFormat = FailureBodyFormat.Default) =>
        JUnitReport.Create(run, new ReportLayout(FailureBodyFormat: failureBodyFormat));

    private static XElement Suite(XDocument document) => Assert.Single(document.Root!.Elements("testsuite"));

    private static XElement Case(XDocument document, string name) =>
        Assert.Single(document.Descendants("testcase"), c => (string?)c.Attribute("name") == name);

    [Fact]
    public void A_failure_carries_message_type_and_stack_trace()
    {
        var failure = Case(Create(Attempt.Run(Attempt.Failed())), "Adds").Element("failure")!;

        Assert.Equal("Assert.Equal() Failure: Values differ", (string?)failure.Attribute("message"));
        Assert.Equal("failure", (string?)failure.Attribute("type"));
        Assert.Equal("   at Sample.Tests.CalculatorTests.Adds() in /repo/tests/Sample.Tests/CalculatorTests.cs:line 12", failure.Value);
    }

    [Fact]
    public void The_failure_type_is_the_exception_type_when_the_message_names_it()
    {
        var result = Attempt.Failed(message: "System.InvalidOperationException : the queue is gone\n---- Inner.IOException : nope");

        var failure = Case(Create(Attempt.Run(result)), "Adds").Element("failure")!;

        Assert.Equal("System.InvalidOperationException", (string?)failure.Attribute("type"));
    }

    [Fact]
    public void A_verbose_failure_body_holds_message_stack_and_output()
    {
        var result = Attempt.Failed() with { StandardOutput = "GET /healthz -> 503\n" };

        var failure = Case(Create(Attempt.Run(result), failureBodyFormat: FailureBodyFormat.Verbose), "Adds").Element("failure")!;

        Assert.Equal(
            "Assert.Equal() Failure: Values differ\n"
            + "   at Sample.Tests.CalculatorTests.Adds() in /repo/tests/Sample.Tests/CalculatorTests.cs:line 12\n"
            + "Standard output:\nGET /healthz -> 503\n",
            failure.Value);
    }

    [Fact]
    public void A_test_without_a_verdict_is_an_error()
    {
        var result = new RecordedTestResult(Attempt.Source, "N.C.Lost", "N.C.Lost", TestOutcome.None, TimeSpan.Zero);

        var error = Case(Create(Attempt.Run(result)), "Lost").Element("error")!;

        Assert.Equal("TestOutcome.None", (string?)error.Attribute("type"));
        Assert.Contains("did not run to a verdict", (string?)error.Attribute("message"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_without_a_stack_trace_still_has_a_text_body()
    {
        var result = Attempt.Failed(message: "the fixture gave up") with { ErrorStackTrace = null };

        var failure = Case(Create(Attempt.Run(result)), "Adds").Element("failure")!;

        Assert.Equal("the fixture gave up", failure.Value);
    }

    [Fact]
    public void An_error_without_message_or_stack_still_has_a_text_body()
    {
        var result = new RecordedTestResult(Attempt.Source, "N.C.Lost", "N.C.Lost", TestOutcome.None, TimeSpan.Zero);

        var error = Case(Create(Attempt.Run(result)), "Lost").Element("error")!;

        Assert.Contains("did not run to a verdict", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_does_not_repeat_the_exception_type_that_the_type_attribute_holds()
    {
        var result = Attempt.Failed(message: "System.InvalidOperationException : the queue is gone\n---- Inner.IOException : nope");

        var failure = Case(Create(Attempt.Run(result)), "Adds").Element("failure")!;

        Assert.Equal("System.InvalidOperationException", (string?)failure.Attribute("type"));
        Assert.Equal("the queue is gone\n---- Inner.IOException : nope", (string?)failure.Attribute("message"));
    }

    [Fact]
    public void An_aborted_run_has_an_error_testcase_that_every_total_counts()
    {
        var run = Attempt.Run(Attempt.Passed()) with
        {
            RunErrors = ["The active test run was aborted. Reason: Test host process crashed : Stack overflow."],
            Aborted = true,
        };

        var document = Create(run);
        var suite = Suite(document);
        var aborted = Case(document, "test host aborted");

        Assert.Equal(("2", "1"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("errors")));
        Assert.Equal(("2", "1"), ((string?)document.Root!.Attribute("tests"), (string?)document.Root.Attribute("errors")));
        Assert.Equal("Sample.Tests", (string?)aborted.Attribute("classname"));
        var error = aborted.Element("error")!;
        Assert.Contains("Test host process crashed", error.Value, StringComparison.Ordinal);
        Assert.NotEmpty((string?)error.Attribute("message") ?? string.Empty);
    }

    [Fact]
    public void An_aborted_run_without_any_result_still_counts_one_error()
    {
        var run = Attempt.Run() with { Aborted = true };

        var document = Create(run);

        Assert.Equal(("1", "1"), ((string?)document.Root!.Attribute("tests"), (string?)document.Root.Attribute("errors")));
        Assert.NotEmpty(Case(document, "test host aborted").Element("error")!.Value);
    }

    [Fact]
    public void Multi_line_messages_survive_a_round_trip_through_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"junit-{Guid.NewGuid():N}.xml");
        try
        {
            ReportFile.WriteAtomically(Create(Attempt.Run(Attempt.Failed(message: "line one\nline two"))), path);

            var failure = Case(XDocument.Load(path), "Adds").Element("failure")!;

            Assert.Equal("line one\nline two", (string?)failure.Attribute("message"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
