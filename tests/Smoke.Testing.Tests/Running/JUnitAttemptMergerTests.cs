using System.Xml.Linq;
using Smoke.Testing.Results;
using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

public sealed class JUnitAttemptMergerTests
{
    private const string First = """
        <testsuites name="S" tests="3" failures="2" errors="0" time="3.000">
          <testsuite name="S" tests="3" failures="2" errors="0" skipped="0" time="3.000" timestamp="2025-03-14T13:09:26Z" hostname="h">
            <properties><property name="framework" value="net10.0" /></properties>
            <testcase classname="N.C" name="Passes" time="1.000" />
            <testcase classname="N.C" name="Flaky(row: 1)" time="1.000">
              <properties><property name="Category" value="queue" /></properties>
              <failure message="timeout" type="System.TimeoutException">timeout
           at N.C.Flaky()</failure>
              <system-out>first attempt output</system-out>
            </testcase>
            <testcase classname="N.C" name="Broken" time="1.000">
              <failure message="expected 1" type="failure">expected 1</failure>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    private const string Retry = """
        <testsuites name="S" tests="2" failures="1" errors="0" time="1.500">
          <testsuite name="S" tests="2" failures="1" errors="0" skipped="0" time="1.500">
            <testcase classname="N.C" name="Flaky(row: 1)" time="0.500">
              <properties><property name="Category" value="queue" /></properties>
              <system-out>second attempt output</system-out>
            </testcase>
            <testcase classname="N.C" name="Broken" time="1.000">
              <error message="crashed again" type="System.InvalidOperationException">crashed again</error>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    [Fact]
    public async Task A_test_that_passes_on_retry_keeps_the_passing_result_with_a_flakyFailure()
    {
        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(First), [XDocument.Parse(Retry)]);
        var flaky = merged.Descendants("testcase").Single(testCase => (string?)testCase.Attribute("name") == "Flaky(row: 1)");

        Assert.Null(flaky.Element("failure"));
        var attempt = Assert.Single(flaky.Elements("flakyFailure"));
        Assert.Equal("timeout", (string?)attempt.Attribute("message"));
        Assert.Equal("System.TimeoutException", (string?)attempt.Attribute("type"));
        Assert.Contains("at N.C.Flaky()", attempt.Element("stackTrace")!.Value, StringComparison.Ordinal);
        Assert.Equal("first attempt output", attempt.Element("system-out")!.Value);
        Assert.Equal("second attempt output", flaky.Element("system-out")!.Value);
        Assert.Equal(["properties", "flakyFailure", "system-out"], flaky.Elements().Select(element => element.Name.LocalName));
        Assert.Equal("1.500", (string?)flaky.Attribute("time"));

        var test = (await Read(merged)).Single(test => test.DisplayName == "Flaky(row: 1)");
        Assert.True(test.IsFlaky);
    }

    [Fact]
    public async Task A_test_that_fails_every_attempt_keeps_its_last_failure_with_a_rerun_element()
    {
        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(First), [XDocument.Parse(Retry)]);
        var broken = merged.Descendants("testcase").Single(testCase => (string?)testCase.Attribute("name") == "Broken");

        Assert.Equal("crashed again", (string?)broken.Element("error")!.Attribute("message"));
        Assert.Equal("expected 1", (string?)Assert.Single(broken.Elements("rerunFailure")).Attribute("message"));
        var test = (await Read(merged)).Single(test => test.DisplayName == "Broken");
        Assert.Equal(TestOutcome.Failed, test.Outcome);
        Assert.Equal(TestAttemptKind.RerunFailure, Assert.Single(test.Attempts).Kind);
    }

    [Fact]
    public void Suite_counts_and_time_are_recomputed_and_the_rest_is_kept()
    {
        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(First), [XDocument.Parse(Retry)]);
        var suite = merged.Descendants("testsuite").Single();

        Assert.Equal(("3", "0", "1", "0"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("errors"), (string?)suite.Attribute("skipped")));
        Assert.Equal("4.500", (string?)suite.Attribute("time"));
        Assert.Equal("2025-03-14T13:09:26Z", (string?)suite.Attribute("timestamp"));
        Assert.Equal("net10.0", (string?)suite.Element("properties")!.Element("property")!.Attribute("value"));
        Assert.Equal("1", (string?)merged.Root!.Attribute("errors"));
    }

    [Fact]
    public void A_passing_test_that_was_not_retried_is_untouched()
    {
        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(First), [XDocument.Parse(Retry)]);

        Assert.Equal(
            XDocument.Parse(First).Descendants("testcase").First().ToString(),
            merged.Descendants("testcase").First().ToString());
    }

    [Fact]
    public async Task A_test_that_passed_on_a_retry_and_then_ran_again_is_flaky_and_the_merge_does_not_throw()
    {
        // A theory with one flaky row and one broken row: retries run the method, so the flaky row runs again after it passed.
        var first = Suite(Case("Row(row: 1)", Failure("flaky row")), Case("Row(row: 2)", Failure("broken row")));
        var retry = Suite(Case("Row(row: 1)"), Case("Row(row: 2)", Failure("broken row")));

        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(first), [XDocument.Parse(retry), XDocument.Parse(retry)]);

        var tests = await Read(merged);
        var flaky = tests.Single(test => test.DisplayName == "Row(row: 1)");
        Assert.Equal(TestOutcome.Passed, flaky.Outcome);
        Assert.Equal("flaky row", Assert.Single(flaky.Attempts).Message);
        var broken = tests.Single(test => test.DisplayName == "Row(row: 2)");
        Assert.Equal(TestOutcome.Failed, broken.Outcome);
        Assert.Equal(2, broken.Attempts.Count);
    }

    [Fact]
    public async Task Testcases_with_the_same_name_are_matched_to_their_retries_by_position()
    {
        var first = Suite(Case("Row(row: Data)"), Case("Row(row: Data)", Failure("second row broken")));
        var retry = Suite(Case("Row(row: Data)"), Case("Row(row: Data)", Failure("second row broken again")));

        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(first), [XDocument.Parse(retry)]);

        var tests = await Read(merged);
        Assert.Equal([TestOutcome.Passed, TestOutcome.Failed], tests.Select(test => test.Outcome));
        Assert.Equal("second row broken again", tests[1].Message);
        Assert.Equal(("2", "1"), ((string?)merged.Root!.Attribute("tests"), (string?)merged.Root.Attribute("failures")));
    }

    [Fact]
    public void A_flaky_attempt_keeps_only_the_stack_in_stackTrace_and_the_message_without_the_type()
    {
        var verbose = """
            System.InvalidOperationException : the queue is gone
               at N.C.Flaky() in /repo/C.cs:line 12
            Standard output:
            connecting to the queue
            """;
        var first = Suite(Case("Flaky", $"""<failure message="System.InvalidOperationException : the queue is gone" type="System.InvalidOperationException">{verbose}</failure><system-out>connecting to the queue</system-out>"""));

        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(first), [XDocument.Parse(Suite(Case("Flaky")))]);

        var attempt = merged.Descendants("flakyFailure").Single();
        Assert.Equal("   at N.C.Flaky() in /repo/C.cs:line 12", attempt.Element("stackTrace")!.Value);
        Assert.Equal("the queue is gone", (string?)attempt.Attribute("message"));
        Assert.Equal("connecting to the queue", attempt.Element("system-out")!.Value);
    }

    [Fact]
    public void A_flaky_attempt_from_spekts_verbose_body_keeps_only_the_stack()
    {
        var verbose = """
            Assert.Equal() Failure
            Stack Trace:
               at N.C.Flaky() in /repo/C.cs:line 12
            Standard Output:
                connecting to the queue
            """;
        var first = Suite(Case("Flaky", $"""<failure message="Assert.Equal() Failure" type="failure">{verbose}</failure>"""));

        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(first), [XDocument.Parse(Suite(Case("Flaky")))]);

        Assert.Equal("   at N.C.Flaky() in /repo/C.cs:line 12", merged.Descendants("flakyFailure").Single().Element("stackTrace")!.Value);
    }

    [Fact]
    public void Every_failure_and_error_in_the_merged_file_has_text()
    {
        var first = Suite(Case("Quiet", """<failure message="it failed" type="failure" />"""), Case("Silent", """<error type="TestOutcome.None"></error>"""));

        var merged = JUnitAttemptMerger.Merge(XDocument.Parse(first), []);

        Assert.Equal("it failed", merged.Descendants("failure").Single().Value);
        Assert.False(string.IsNullOrWhiteSpace(merged.Descendants("error").Single().Value));
    }

    private static string Failure(string message) => $"""<failure message="{message}" type="failure">   at N.C.Row()</failure>""";

    private static string Case(string name, string content = "") =>
        $"""<testcase classname="N.C" name="{name}" time="1.000">{content}</testcase>""";

    private static string Suite(params string[] testCases) =>
        $"""<testsuites><testsuite name="S" tests="{testCases.Length}">{string.Concat(testCases)}</testsuite></testsuites>""";

    private static async Task<IReadOnlyList<TestCase>> Read(XDocument document)
    {
        using var stream = new MemoryStream();
        document.Save(stream);
        stream.Position = 0;
        return (await JUnitReader.ReadAsync(stream, "merged.xml", CancellationToken.None)).SelectMany(suite => suite.Tests).ToList();
    }
}
