using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Smoke.JUnit.TestLogger.Options;
using Smoke.JUnit.TestLogger.Results;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>Turns a test run into a JUnit document; docs/junit.md describes every element and attribute it writes.</summary>
/// <remarks>
/// Every result VSTest reports is one testcase, as <c>dotnet test</c> counts them. VSTest cannot tell a re-run from a second
/// data row (xunit reports rows of data it cannot serialize as results of one test case, possibly with one display name),
/// so merging by name would turn a failure into a flaky pass. Retries are merged by the runner, which knows its attempts.
/// </remarks>
internal static partial class JUnitReport
{
    /// <summary>The name of the testcase that stands for an aborted run, so that every consumer counts the abort as an error.</summary>
    public const string AbortedTestName = "test host aborted";

    public static XDocument Create(TestRunRecord run, ReportLayout layout)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(layout);
        var sources = run.Sources
            .Concat(run.Results.Select(r => r.Source))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var resultsBySource = run.Results.ToLookup(r => r.Source, StringComparer.Ordinal);
        var suites = sources.Select((source, index) => Suite(run, source, index, [.. resultsBySource[source]], layout)).ToList();

        var root = new XElement(
            "testsuites",
            Attribute("name", sources.Count == 1 ? AssemblyName(sources[0]) : "dotnet test"),
            Attribute("tests", Total(suites, "tests")),
            Attribute("failures", Total(suites, "failures")),
            Attribute("errors", Total(suites, "errors")),
            Attribute("time", Seconds(TotalDuration(run.Results))),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>The test assembly's name as reports show it: <c>/src/Sample.Tests/bin/Sample.Tests.dll</c> gives <c>Sample.Tests</c>.</summary>
    public static string AssemblyName(string source) => Path.GetFileNameWithoutExtension(source);

    private static XElement Suite(TestRunRecord run, string source, int index, IReadOnlyList<RecordedTestResult> results, ReportLayout layout)
    {
        var assembly = AssemblyName(source);
        var properties = new List<XElement> { Property("source", source) };
        if (run.TargetFramework is { } framework)
        {
            properties.Add(Property("framework", ReportFileLocation.ShortFrameworkName(framework)));
        }

        var testCases = results.Select(result => TestCase(result, layout)).ToList();
        if (run.Aborted)
        {
            properties.Add(Property("aborted", "true"));
            testCases.Add(AbortedTestCase(assembly, run.RunErrors));
        }

        return new XElement(
            "testsuite",
            Attribute("name", assembly),
            Attribute("tests", testCases.Count),
            Attribute("failures", testCases.Count(c => c.Element("failure") is not null)),
            Attribute("errors", testCases.Count(c => c.Element("error") is not null)),
            Attribute("skipped", testCases.Count(c => c.Element("skipped") is not null)),
            Attribute("time", Seconds(TotalDuration(results))),
            Attribute("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            Attribute("hostname", results.Select(r => r.ComputerName).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? run.HostName),
            Attribute("id", index),
            Attribute("package", assembly),
            new XElement("properties", properties),
            testCases,
            Text("system-out", string.Concat(run.RunAttachments.Select(path => AttachmentLine(layout.AttachmentPath(path))))),
            Text("system-err", layout.SuiteOutput ? string.Join('\n', run.RunErrors) : null));
    }

    private static XElement TestCase(RecordedTestResult result, ReportLayout layout)
    {
        var name = TestCaseName.From(result.FullyQualifiedName, result.DisplayName, layout.MethodFormat);
        var output = layout.TestCaseOutput ? result.StandardOutput : null;
        var attachments = result.Attachments.Distinct(StringComparer.Ordinal).Select(path => AttachmentLine(layout.AttachmentPath(path)));

        return new XElement(
            "testcase",
            Attribute("classname", name.ClassName),
            Attribute("name", name.Name),
            Attribute("time", Seconds(result.Duration)),
            string.IsNullOrEmpty(result.CodeFilePath) ? null : Attribute("file", result.CodeFilePath),
            result.LineNumber > 0 ? Attribute("line", result.LineNumber) : null,
            result.Traits.Count == 0 ? null : new XElement("properties", result.Traits.Select(t => Property(t.Key, t.Value))),
            OutcomeVerdict.Of(result.Outcome) switch
            {
                TestCaseVerdict.Failed => Problem("failure", result, layout.FailureBodyFormat, output),
                TestCaseVerdict.Error => Problem("error", result, layout.FailureBodyFormat, output),
                // Jenkins reads the reason from the attribute, GitLab from the text: give both.
                TestCaseVerdict.Skipped => new XElement("skipped", Attribute("message", result.ErrorMessage ?? string.Empty), SafeText(result.ErrorMessage)),
                _ => null,
            },
            Text("system-out", output + string.Concat(attachments)),
            Text("system-err", layout.TestCaseOutput ? result.StandardError : null));
    }

    /// <remarks>
    /// The text is never empty: dorny/test-reporter's jest-junit parser rejects the whole file over an empty one, and GitLab
    /// shows a hash instead of text. The type is not repeated in the message, or readers that show "type: message" say it twice.
    /// </remarks>
    private static XElement Problem(string element, RecordedTestResult result, FailureBodyFormat failureBodyFormat, string? output)
    {
        var fullMessage = result.ErrorMessage is { Length: > 0 } errorMessage ? errorMessage
            : OutcomeVerdict.Of(result.Outcome) == TestCaseVerdict.Error
                ? $"The test adapter reported the outcome {result.Outcome}: the test did not run to a verdict."
                : "The test failed without a message.";
        var typePrefix = ExceptionTypePrefix().Match(fullMessage);
        var body = failureBodyFormat == FailureBodyFormat.Verbose
            ? string.Join(
                "\n",
                new[] { fullMessage, result.ErrorStackTrace, output is null ? null : "Standard output:\n" + output }
                    .Where(part => !string.IsNullOrEmpty(part)))
            : result.ErrorStackTrace;
        return new XElement(
            element,
            Attribute("message", typePrefix.Success ? fullMessage[typePrefix.Length..].TrimStart() : fullMessage),
            Attribute("type", typePrefix.Success ? typePrefix.Groups["type"].Value
                : element == "error" ? $"TestOutcome.{result.Outcome}"
                : element),
            SafeText(string.IsNullOrWhiteSpace(body) ? fullMessage : body));
    }

    private static XElement AbortedTestCase(string assembly, IReadOnlyList<string> runErrors)
    {
        const string message = "The test run was aborted before it completed: the test host crashed or was stopped, "
            + "so tests that had not finished have no result. The error text holds what VSTest reported.";
        return new XElement(
            "testcase",
            Attribute("classname", assembly),
            Attribute("name", AbortedTestName),
            Attribute("time", Seconds(TimeSpan.Zero)),
            new XElement(
                "error",
                Attribute("message", message),
                Attribute("type", "TestRunAborted"),
                SafeText(runErrors.Count == 0 ? message : string.Join('\n', runErrors))));
    }

    private static string AttachmentLine(string path) => $"[[ATTACHMENT|{path}]]\n";

    private static XElement Property(string name, string value) =>
        new("property", Attribute("name", name), Attribute("value", value));

    private static XAttribute Attribute(string name, object value) =>
        new(name, value is string text ? XmlSafeText.Escape(text) : Convert.ToString(value, CultureInfo.InvariantCulture)!);

    private static XText? SafeText(string? text) => string.IsNullOrEmpty(text) ? null : new XText(XmlSafeText.Escape(text));

    private static XElement? Text(string element, string? text) =>
        string.IsNullOrEmpty(text) ? null : new XElement(element, SafeText(text));

    private static string Seconds(TimeSpan duration) =>
        duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static TimeSpan TotalDuration(IEnumerable<RecordedTestResult> results) =>
        results.Aggregate(TimeSpan.Zero, (total, r) => total + r.Duration);

    private static int Total(IEnumerable<XElement> suites, string attribute) => suites.Sum(suite => (int)suite.Attribute(attribute)!);

    [GeneratedRegex(@"^\s*(?<type>[A-Za-z_][\w`]*(?:[.+][A-Za-z_][\w`]*)*Exception)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionTypePrefix();
}
