using System.Xml.Linq;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Smoke.JUnit.TestLogger.Tests.Logging;

/// <summary>The logger driven through VSTest's own event and result types, without a test run.</summary>
public sealed class JUnitLoggerTests : IDisposable
{
    private const string Source = "/repo/tests/Sample.Tests/bin/Debug/net10.0/Sample.Tests.dll";
    private static readonly Uri Executor = new("executor://xunit/VsTestRunner2/netcoreapp");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"junit-logger-{Guid.NewGuid():N}");
    private readonly RaisedLoggerEvents _events = new();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private JUnitLogger Initialize(params (string Name, string? Value)[] parameters)
    {
        var logger = new JUnitLogger();
        var all = parameters.ToDictionary(p => p.Name, p => p.Value);
        all["TestRunDirectory"] = _directory;
        all["TargetFramework"] = ".NETCoreApp,Version=v10.0";
        logger.Initialize(_events, all);
        return logger;
    }

    private static TestResult Result(string fullyQualifiedName, TestOutcome outcome, string? displayName = null)
    {
        var testCase = new TestCase(fullyQualifiedName, Executor, Source) { DisplayName = displayName ?? fullyQualifiedName };
        return new TestResult(testCase) { Outcome = outcome, Duration = TimeSpan.FromMilliseconds(20) };
    }

    [Fact]
    public void The_logger_is_found_by_the_friendly_name_junit()
    {
        var attribute = Assert.Single(typeof(JUnitLogger).GetCustomAttributes(typeof(FriendlyNameAttribute), inherit: false));

        Assert.Equal("junit", ((FriendlyNameAttribute)attribute).FriendlyName);
        Assert.Single(typeof(JUnitLogger).GetCustomAttributes(typeof(ExtensionUriAttribute), inherit: false));
        Assert.EndsWith("TestLogger.dll", Path.GetFileName(typeof(JUnitLogger).Assembly.Location), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_path_the_report_is_written_per_assembly_in_the_results_directory()
    {
        var logger = Initialize();
        _events.Start(Source);
        _events.Result(Result("Sample.Tests.C.Passes", TestOutcome.Passed));
        _events.Complete();

        Assert.Equal(Path.Combine(_directory, "Sample.Tests.junit.xml"), logger.ReportPath);
        Assert.Equal("1", XDocument.Load(logger.ReportPath!).Root!.Attribute("tests")!.Value);
        Assert.False(_events.HasDiscoveryListeners);
    }

    [Fact]
    public void Messages_traits_source_location_and_attachments_reach_the_report()
    {
        var logger = Initialize(("LogFileName", "{assembly}.{framework}.xml"));
        var result = Result("Sample.Tests.C.Checks", TestOutcome.Failed, "Sample.Tests.C.Checks(service: \"api\")");
        result.TestCase.CodeFilePath = "/repo/tests/Sample.Tests/C.cs";
        result.TestCase.LineNumber = 42;
        result.TestCase.Traits.Add("Category", "Services");
        result.ErrorMessage = "System.TimeoutException : no answer";
        result.ErrorStackTrace = "   at Sample.Tests.C.Checks()";
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "GET /healthz"));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardErrorCategory, "warning: slow\n"));
        var attachments = new AttachmentSet(new Uri("datacollector://screenshots"), "Screenshots");
        attachments.Attachments.Add(new UriDataAttachment(new Uri("file:///repo/artifacts/api.log"), "api log"));
        result.Attachments.Add(attachments);

        _events.Start(Source);
        _events.Result(result);
        _events.Complete();

        Assert.Equal(Path.Combine(_directory, "Sample.Tests.net10.0.xml"), logger.ReportPath);
        var testCase = XDocument.Load(logger.ReportPath!).Descendants("testcase").Single();
        Assert.Equal("Checks(service: \"api\")", testCase.Attribute("name")!.Value);
        Assert.Equal("42", testCase.Attribute("line")!.Value);
        Assert.Equal("/repo/tests/Sample.Tests/C.cs", testCase.Attribute("file")!.Value);
        Assert.Equal("System.TimeoutException", testCase.Element("failure")!.Attribute("type")!.Value);
        Assert.Equal("Services", testCase.Element("properties")!.Element("property")!.Attribute("value")!.Value);
        Assert.Equal("GET /healthz\n[[ATTACHMENT|/repo/artifacts/api.log]]\n", testCase.Element("system-out")!.Value);
        Assert.Equal("warning: slow\n", testCase.Element("system-err")!.Value);
    }

    [Fact]
    public void A_test_case_reported_twice_in_one_run_is_two_testcases_as_dotnet_test_counts_it()
    {
        var logger = Initialize(("LogFilePath", Path.Combine(_directory, "out", "x.xml")));
        var first = Result("Sample.Tests.C.Row", TestOutcome.Failed, "Sample.Tests.C.Row(data: Sample.Tests.Data)");
        first.ErrorMessage = "row 1 is wrong";
        var second = Result("Sample.Tests.C.Row", TestOutcome.Passed, "Sample.Tests.C.Row(data: Sample.Tests.Data)");
        second.TestCase.Id = first.TestCase.Id;

        _events.Start(Source);
        _events.Result(first);
        _events.Result(second);
        _events.Complete();

        var report = XDocument.Load(logger.ReportPath!);
        Assert.Equal(("2", "1"), (report.Root!.Attribute("tests")!.Value, report.Root.Attribute("failures")!.Value));
        Assert.Equal("row 1 is wrong", Assert.Single(report.Descendants("failure")).Attribute("message")!.Value);
    }

    [Fact]
    public void An_aborted_run_is_an_error_testcase_and_per_test_failure_notices_stay_out()
    {
        var logger = Initialize();
        _events.Start(Source);
        _events.Message(TestMessageLevel.Informational, "Starting test execution");
        _events.Message(TestMessageLevel.Error, "[xUnit.net 00:00:01.14]     Sample.Tests.C.Fails [FAIL]");
        _events.Message(TestMessageLevel.Error, "The active test run was aborted. Reason: Test host process crashed");
        _events.Complete(aborted: true);

        var report = XDocument.Load(logger.ReportPath!);
        var suite = report.Descendants("testsuite").Single();
        Assert.Equal("The active test run was aborted. Reason: Test host process crashed", suite.Element("system-err")!.Value);
        Assert.Equal(("1", "1"), (suite.Attribute("tests")!.Value, suite.Attribute("errors")!.Value));
        Assert.Equal(("1", "1"), (report.Root!.Attribute("tests")!.Value, report.Root.Attribute("errors")!.Value));
        var testCase = report.Descendants("testcase").Single();
        Assert.Equal(("Sample.Tests", "test host aborted"), (testCase.Attribute("classname")!.Value, testCase.Attribute("name")!.Value));
        Assert.Contains("Test host process crashed", testCase.Element("error")!.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("[FAIL]", testCase.Element("error")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void StoreConsoleOutput_false_leaves_test_output_out_but_keeps_attachments()
    {
        var logger = Initialize(("StoreConsoleOutput", "false"), ("FailureBodyFormat", "Verbose"));
        var result = Result("Sample.Tests.C.Talks", TestOutcome.Failed);
        result.ErrorMessage = "no";
        result.ErrorStackTrace = "   at Sample.Tests.C.Talks()";
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, "token=secret-ish output\n"));
        result.Messages.Add(new TestResultMessage(TestResultMessage.StandardErrorCategory, "warning: slow\n"));
        var attachments = new AttachmentSet(new Uri("datacollector://screenshots"), "Screenshots");
        attachments.Attachments.Add(new UriDataAttachment(new Uri("file:///repo/artifacts/api.log"), "api log"));
        result.Attachments.Add(attachments);

        _events.Start(Source);
        _events.Result(result);
        _events.Message(TestMessageLevel.Error, "adapter complained");
        _events.Complete();

        var report = XDocument.Load(logger.ReportPath!);
        var testCase = report.Descendants("testcase").Single();
        Assert.Equal("[[ATTACHMENT|/repo/artifacts/api.log]]\n", testCase.Element("system-out")!.Value);
        Assert.Null(testCase.Element("system-err"));
        Assert.DoesNotContain("output", testCase.Element("failure")!.Value, StringComparison.Ordinal);
        Assert.Null(report.Descendants("testsuite").Single().Element("system-err"));
    }

    [Fact]
    public void UseRelativeAttachmentPath_writes_attachment_paths_relative_to_the_report()
    {
        var logger = Initialize(("LogFilePath", Path.Combine(_directory, "out", "x.xml")), ("UseRelativeAttachmentPath", "true"));
        var result = Result("Sample.Tests.C.Shoots", TestOutcome.Passed);
        var attachments = new AttachmentSet(new Uri("datacollector://screenshots"), "Screenshots");
        attachments.Attachments.Add(new UriDataAttachment(new Uri(Path.Combine(_directory, "out", "shots", "a.png")), "screenshot"));
        result.Attachments.Add(attachments);
        var coverage = new AttachmentSet(new Uri("datacollector://coverage"), "Coverage");
        coverage.Attachments.Add(new UriDataAttachment(new Uri(Path.Combine(_directory, "coverage.xml")), "coverage"));

        _events.Start(Source);
        _events.Result(result);
        _events.Complete(attachments: coverage);

        var report = XDocument.Load(logger.ReportPath!);
        Assert.Equal("[[ATTACHMENT|shots/a.png]]\n", report.Descendants("testcase").Single().Element("system-out")!.Value);
        Assert.Equal("[[ATTACHMENT|../coverage.xml]]\n", report.Descendants("testsuite").Single().Element("system-out")!.Value);
    }

    [Theory]
    [InlineData("MethodFormat", "Long")]
    [InlineData("FailureBodyFormat", "Detailed")]
    [InlineData("StoreConsoleOutput", "sometimes")]
    public void An_unknown_choice_warns_with_the_allowed_values_and_the_default_applies(string parameter, string value)
    {
        var warnings = new StringWriter();
        var logger = new JUnitLogger(warnings);
        logger.Initialize(_events, new Dictionary<string, string?> { ["TestRunDirectory"] = _directory, [parameter] = value });
        _events.Start(Source);
        _events.Result(Result("Sample.Tests.C.Adds", TestOutcome.Passed, "Sample.Tests.C.Adds(a: 1)"));
        _events.Complete();

        Assert.Contains($"parameter {parameter} has the value \"{value}\"", warnings.ToString(), StringComparison.Ordinal);
        Assert.Contains("using the default", warnings.ToString(), StringComparison.Ordinal);
        Assert.Equal("Adds(a: 1)", XDocument.Load(logger.ReportPath!).Descendants("testcase").Single().Attribute("name")!.Value);
    }
}
