using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

public sealed class ProjectFailurePlaceholderTests
{
    [Theory]
    [InlineData(SmokeProjectStatus.Hung)]
    [InlineData(SmokeProjectStatus.Crashed)]
    [InlineData(SmokeProjectStatus.BuildFailed)]
    public void A_placeholder_without_output_still_has_error_text(SmokeProjectStatus status)
    {
        var document = ProjectFailurePlaceholder.AddTo(null, "Api.Smoke", status, TimeSpan.FromSeconds(3), "Api.Smoke was still running after 1m", []);

        var error = document.Descendants("error").Single();
        Assert.Equal("Api.Smoke was still running after 1m", error.Value);
        Assert.Equal(("1", "1"), ((string?)document.Root!.Attribute("tests"), (string?)document.Root.Attribute("errors")));
    }

    [Fact]
    public void A_placeholder_with_output_keeps_the_note_and_the_last_lines()
    {
        var document = ProjectFailurePlaceholder.AddTo(null, "Api.Smoke", SmokeProjectStatus.Crashed, TimeSpan.Zero, "the host crashed", ["line 1", "line 2"]);

        Assert.Equal("the host crashed\n\nline 1\nline 2", document.Descendants("error").Single().Value);
    }

    [Fact]
    public void A_crash_the_logger_already_recorded_is_counted_once_with_the_loggers_text()
    {
        var results = System.Xml.Linq.XDocument.Parse("""
            <testsuites tests="2" errors="1">
              <testsuite name="Api.Smoke" tests="2" errors="1">
                <testcase classname="Api.Smoke.HealthTests" name="Ready" time="0.100" />
                <testcase classname="Api.Smoke" name="test host aborted" time="0.000">
                  <error message="The test run was aborted" type="TestRunAborted">Test host process crashed : Stack overflow.</error>
                </testcase>
              </testsuite>
            </testsuites>
            """);

        var document = ProjectFailurePlaceholder.AddTo(results, "Api.Smoke", SmokeProjectStatus.Crashed, TimeSpan.Zero, "the host crashed", []);

        var error = document.Descendants("error").Single();
        Assert.Equal("the host crashed\n\nTest host process crashed : Stack overflow.", error.Value);
        Assert.Equal(("2", "1"), ((string?)document.Root!.Attribute("tests"), (string?)document.Root.Attribute("errors")));
    }

    [Fact]
    public void A_file_in_which_the_logger_recorded_an_aborted_run_is_recognised_whatever_the_console_said()
    {
        var aborted = System.Xml.Linq.XDocument.Parse("""
            <testsuites><testsuite name="Api.Smoke">
              <testcase classname="Api.Smoke" name="test host aborted"><error type="TestRunAborted">Testhostprozess abgestürzt</error></testcase>
            </testsuite></testsuites>
            """);
        var failed = System.Xml.Linq.XDocument.Parse("""
            <testsuites><testsuite name="Api.Smoke">
              <testcase classname="Api.Smoke.HealthTests" name="test host aborted"><failure type="failure">a test of that name</failure></testcase>
            </testsuite></testsuites>
            """);

        Assert.True(ProjectFailurePlaceholder.RecordsAbortedRun(aborted));
        Assert.False(ProjectFailurePlaceholder.RecordsAbortedRun(failed));
    }
}
