using System.Text;
using Smoke.Testing.Results;

namespace Smoke.Testing.Tests.Results;

public sealed class JUnitReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-junit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Suite_attributes_and_counts_come_from_the_file()
    {
        var suite = Assert.Single(await ReadAsync("Smoke.Database.Tests.junit.xml", JUnitFiles.FromOurLogger));

        Assert.Equal("Smoke.Database.Tests.dll", suite.Name);
        Assert.Equal("Smoke.Database.Tests", suite.Project);
        Assert.Equal(Path.Combine(_directory, "Smoke.Database.Tests.junit.xml"), suite.SourceFile);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 18, 40, 0, TimeSpan.Zero), suite.Timestamp);
        Assert.Equal(TimeSpan.FromSeconds(3.25), suite.Duration);
        Assert.Equal("ci-7", suite.Hostname);
        Assert.Equal(".NETCoreApp,Version=v10.0", Assert.Single(suite.Properties["framework"]));
        Assert.Equal("run output", suite.SystemOut);
        Assert.Equal((6, 2, 3, 1, 1), (suite.Total, suite.Passed, suite.Failed, suite.Skipped, suite.Flaky));
    }

    [Fact]
    public async Task Testcase_properties_become_traits_and_a_repeated_property_keeps_every_value()
    {
        var tests = await TestsAsync(JUnitFiles.FromOurLogger);

        var connectivity = tests["Server_answers_with_its_version"];
        Assert.Equal(1, connectivity.Level);
        Assert.True(connectivity.IsCritical);
        Assert.Equal(["database"], connectivity.Categories);

        var rollback = tests["Rollback_discards_the_insert"];
        Assert.Equal(["database", "transactions"], rollback.Categories);
        Assert.True(rollback.HasCategory("Transactions"));
        Assert.Equal(["3"], rollback.TraitValues("level"));

        Assert.False(tests["Pool_reuses_connections(size: 4)"].IsCritical);
        Assert.Null(tests["Unique_key_is_enforced"].Level);
        Assert.Empty(tests["Unique_key_is_enforced"].Traits);
    }

    [Fact]
    public async Task A_passing_test_keeps_its_identity_output_source_and_attachments()
    {
        var test = (await TestsAsync(JUnitFiles.FromOurLogger))["Server_answers_with_its_version"];

        Assert.Equal(TestOutcome.Passed, test.Outcome);
        Assert.Equal("Smoke.Database.Tests.Connectivity.Server_answers_with_its_version", test.FullyQualifiedName);
        Assert.Equal("Smoke.Database.Tests.Connectivity", test.ClassName);
        Assert.Equal(TimeSpan.FromMilliseconds(125), test.Duration);
        Assert.Equal(("/src/Connectivity.cs", 17), (test.File, test.Line));
        Assert.StartsWith("connected to 127.0.0.1:49153", test.SystemOut, StringComparison.Ordinal);
        Assert.Equal(["/work/artifacts/smoke/diagnostics/postgres.log"], test.Attachments);
        Assert.Null(test.Message);
        Assert.Empty(test.Attempts);
        Assert.False(test.IsFlaky);
    }

    [Fact]
    public async Task Failures_and_errors_are_failed_with_their_message_type_and_stack()
    {
        var tests = await TestsAsync(JUnitFiles.FromOurLogger);

        var failure = tests["Rollback_discards_the_insert"];
        Assert.Equal(TestOutcome.Failed, failure.Outcome);
        Assert.Equal("Assert.Equal() Failure: Expected 0, Actual 1", failure.Message);
        Assert.Equal("Xunit.Sdk.EqualException", failure.FailureType);
        Assert.Contains("Transactions.cs:line 42", failure.StackTrace, StringComparison.Ordinal);

        var error = tests["Unique_key_is_enforced"];
        Assert.Equal(TestOutcome.Failed, error.Outcome);
        Assert.Equal("Npgsql.NpgsqlException: connection refused", error.Message);
        Assert.Equal("Npgsql.NpgsqlException", error.FailureType);
        Assert.Contains("NpgsqlConnector.Open()", error.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_that_passed_on_retry_is_passed_and_flaky_with_its_failed_attempt()
    {
        var test = (await TestsAsync(JUnitFiles.FromOurLogger))["Pool_reuses_connections(size: 4)"];

        Assert.Equal(TestOutcome.Passed, test.Outcome);
        Assert.True(test.IsFlaky);
        Assert.Equal("Smoke.Database.Tests.Pooling.Pool_reuses_connections(size: 4)", test.FullyQualifiedName);
        var attempt = Assert.Single(test.Attempts);
        Assert.Equal(TestAttemptKind.FlakyFailure, attempt.Kind);
        Assert.Equal("timeout after 1s", attempt.Message);
        Assert.Equal("System.TimeoutException", attempt.FailureType);
        Assert.Equal("at Smoke.Database.Tests.Pooling.Pool_reuses_connections(Int32 size)", attempt.StackTrace);
        Assert.Equal("first attempt output", attempt.SystemOut);
    }

    [Fact]
    public async Task A_test_that_failed_every_retry_is_failed_with_each_rerun_in_order()
    {
        var test = (await TestsAsync(JUnitFiles.FromOurLogger))["Round_trips_a_document"];

        Assert.Equal(TestOutcome.Failed, test.Outcome);
        Assert.False(test.IsFlaky);
        Assert.Equal("still broken", test.Message);
        Assert.Equal(["broken on retry 1", "broken on retry 2"], test.Attempts.Select(attempt => attempt.Message));
        Assert.All(test.Attempts, attempt => Assert.Equal(TestAttemptKind.RerunFailure, attempt.Kind));
    }

    [Fact]
    public async Task A_skipped_test_keeps_its_reason_from_the_attribute_or_the_text()
    {
        var ours = (await TestsAsync(JUnitFiles.FromOurLogger))["Replica_catches_up"];
        var jenkins = Assert.Single(await ReadAsync("eventbus.xml", JUnitFiles.PlainJenkins)).Tests[1];

        Assert.Equal((TestOutcome.Skipped, "replica not configured in this stack"), (ours.Outcome, ours.Message));
        Assert.Equal((TestOutcome.Skipped, "broker has no DLX plugin"), (jenkins.Outcome, jenkins.Message));
    }

    [Fact]
    public async Task A_bare_testsuite_root_is_read_and_a_timestamp_without_zone_is_utc()
    {
        var suite = Assert.Single(await ReadAsync("eventbus.xml", JUnitFiles.PlainJenkins));

        Assert.Equal("EventBus", suite.Name);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 18, 41, 0, TimeSpan.Zero), suite.Timestamp);
        Assert.Equal("Smoke.EventBus.Tests.Publishing.Publish_and_consume", suite.Tests[0].FullyQualifiedName);
        Assert.Equal(TestOutcome.Passed, suite.Tests[0].Outcome);
    }

    [Theory]
    [InlineData("Works(x: 1)", "Smoke.Api.Tests.Health.Works(x: 1)")]
    [InlineData("Health.Works(x: 1)", "Smoke.Api.Tests.Health.Works(x: 1)")]
    [InlineData("Smoke.Api.Tests.Health.Works(x: 1)", "Smoke.Api.Tests.Health.Works(x: 1)")]
    [InlineData("Works(url: \"a.b/c\")", "Smoke.Api.Tests.Health.Works(url: \"a.b/c\")")]
    public async Task The_fully_qualified_name_is_the_same_whatever_the_method_format(string name, string expected)
    {
        var xml = $"""<testsuite name="a"><testcase classname="Smoke.Api.Tests.Health" name="{System.Security.SecurityElement.Escape(name)}" time="1"/></testsuite>""";

        var test = Assert.Single(Assert.Single(await ReadAsync("a.xml", xml)).Tests);

        Assert.Equal(expected, test.FullyQualifiedName);
        Assert.Equal(name, test.DisplayName);
    }

    [Fact]
    public async Task Nested_suites_are_each_their_own_result_and_missing_names_and_times_have_defaults()
    {
        const string Xml = """
            <testsuites>
              <testsuite>
                <testcase name="a" time="0.5"/>
                <testcase name="b" time="1.5"/>
                <testsuite name="inner"><testcase classname="X" name="c"/></testsuite>
              </testsuite>
            </testsuites>
            """;

        var suites = await ReadAsync("Smoke.Api.Tests.junit.xml", Xml);

        Assert.Equal(["Smoke.Api.Tests", "inner"], suites.Select(suite => suite.Name));
        Assert.Equal(TimeSpan.FromSeconds(2), suites[0].Duration);
        Assert.Equal("Smoke.Api.Tests.a", suites[0].Tests[0].FullyQualifiedName);
        Assert.Equal(TimeSpan.Zero, suites[1].Tests[0].Duration);
    }

    [Fact]
    public async Task A_time_written_with_a_decimal_comma_is_read()
    {
        var suite = Assert.Single(await ReadAsync("a.xml", """<testsuite name="a" time="1,5"><testcase name="t" time="0,25"/></testsuite>"""));

        Assert.Equal(TimeSpan.FromSeconds(1.5), suite.Duration);
        Assert.Equal(TimeSpan.FromSeconds(0.25), suite.Tests[0].Duration);
    }

    [Fact]
    public async Task Every_xml_file_of_a_directory_is_read_in_name_order()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "b.junit.xml"), JUnitFiles.FromOurLogger);
        await File.WriteAllTextAsync(Path.Combine(_directory, "a.junit.xml"), JUnitFiles.PlainJenkins);
        await File.WriteAllTextAsync(Path.Combine(_directory, "notes.txt"), "not results");

        var suites = await JUnitReader.ReadDirectoryAsync(_directory, CancellationToken.None);

        Assert.Equal(["EventBus", "Smoke.Database.Tests.dll"], suites.Select(suite => suite.Name));
    }

    [Fact]
    public async Task A_truncated_file_is_an_error_naming_the_file_and_line()
    {
        var truncated = JUnitFiles.FromOurLogger[..JUnitFiles.FromOurLogger.IndexOf("<testcase classname=\"Smoke.Database.Tests.Jsonb\"", StringComparison.Ordinal)];

        var error = await Assert.ThrowsAsync<JUnitFormatException>(() => ReadAsync("cut.junit.xml", truncated));

        Assert.Equal(Path.Combine(_directory, "cut.junit.xml"), error.FilePath);
        Assert.Equal(truncated.Split('\n').Length, error.Line);
        Assert.Contains($"cut.junit.xml:{error.Line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("re-run the test project", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_file_is_an_error_that_says_it_is_empty()
    {
        var error = await Assert.ThrowsAsync<JUnitFormatException>(() => ReadAsync("empty.junit.xml", string.Empty));

        Assert.Contains("empty.junit.xml: the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>\n<body/>\n</html>", 1, "the root element is <html>")]
    [InlineData("<testsuite name=\"a\">\n  <testcase classname=\"X\" time=\"1\"/>\n</testsuite>", 2, "a <testcase> has no name attribute")]
    [InlineData("<testsuite name=\"a\">\n\n  <testcase name=\"t\" time=\"fast\"/>\n</testsuite>", 3, "time=\"fast\" on <testcase> is not a number of seconds")]
    [InlineData("<testsuite name=\"a\" timestamp=\"yesterday\">\n</testsuite>", 1, "timestamp=\"yesterday\"")]
    [InlineData("<testsuite>\n<testcase name=\"t\"><properties>\n<property value=\"1\"/></properties></testcase></testsuite>", 3, "a <property> has no name attribute")]
    public async Task A_file_not_shaped_like_junit_is_an_error_naming_the_line(string xml, int line, string problem)
    {
        var error = await Assert.ThrowsAsync<JUnitFormatException>(() => ReadAsync("odd.xml", xml));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"odd.xml:{line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_an_error_naming_it()
    {
        var path = Path.Combine(_directory, "missing.junit.xml");

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => JUnitReader.ReadFileAsync(path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_characters_escaped_by_the_logger_come_back_as_text()
    {
        var xml = """<testsuite name="a"><testcase name="t"><failure message="bad &lt;tag&gt; &amp; &#x9;tab">x</failure></testcase></testsuite>""";

        var test = Assert.Single(Assert.Single(await ReadAsync("a.xml", xml)).Tests);

        Assert.Equal("bad <tag> & \ttab", test.Message);
    }

    [Fact]
    public async Task An_empty_message_attribute_falls_back_to_the_first_line_of_the_failure_text()
    {
        const string Xml = """
            <testsuite name="a">
              <testcase classname="X" name="t">
                <failure message="" type="failure">Expected 200, got 503
            at X.t()</failure>
                <system-err>warning: slow</system-err>
              </testcase>
            </testsuite>
            """;

        var test = Assert.Single(Assert.Single(await ReadAsync("a.xml", Xml)).Tests);

        Assert.Equal("Expected 200, got 503", test.Message);
        Assert.Equal("warning: slow", test.SystemErr);
    }

    private async Task<IReadOnlyList<TestSuiteResult>> ReadAsync(string fileName, string xml)
    {
        var path = Path.Combine(_directory, fileName);
        await File.WriteAllTextAsync(path, xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return await JUnitReader.ReadFileAsync(path, CancellationToken.None);
    }

    private async Task<Dictionary<string, TestCase>> TestsAsync(string xml) =>
        Assert.Single(await ReadAsync("suite.junit.xml", xml)).Tests.ToDictionary(test => test.DisplayName);
}
