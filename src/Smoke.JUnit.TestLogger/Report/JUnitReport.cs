using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Smoke.JUnit.TestLogger.Options;
using Smoke.JUnit.TestLogger.Results;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>Turns a test run into a JUnit document; docs/junit.md describes every element and attribute it writes.</summary>
internal static partial class JUnitReport
{
    public static XDocument Create(TestRunRecord run, MethodFormat methodFormat, FailureBodyFormat failureBodyFormat)
    {
        ArgumentNullException.ThrowIfNull(run);
        var sources = run.Sources
            .Concat(run.Results.Select(r => r.Source))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var testCasesBySource = TestCaseAttempts.Group(run.Results).ToLookup(t => t.Last.Source, StringComparer.Ordinal);
        var allTestCases = testCasesBySource.SelectMany(g => g).ToList();

        var root = new XElement(
            "testsuites",
            Attribute("name", sources.Count == 1 ? AssemblyName(sources[0]) : "dotnet test"),
            Attribute("tests", allTestCases.Count),
            Attribute("failures", allTestCases.Count(c => c.Verdict == TestCaseVerdict.Failed)),
            Attribute("errors", allTestCases.Count(c => c.Verdict == TestCaseVerdict.Error)),
            Attribute("time", Seconds(TotalDuration(allTestCases))),
            sources.Select((source, index) => Suite(run, source, index, [.. testCasesBySource[source]], methodFormat, failureBodyFormat)));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    /// <summary>The test assembly's name as reports show it: <c>/src/Sample.Tests/bin/Sample.Tests.dll</c> gives <c>Sample.Tests</c>.</summary>
    public static string AssemblyName(string source) => Path.GetFileNameWithoutExtension(source);

    private static XElement Suite(
        TestRunRecord run,
        string source,
        int index,
        IReadOnlyList<TestCaseAttempts> cases,
        MethodFormat methodFormat,
        FailureBodyFormat failureBodyFormat)
    {
        var assembly = AssemblyName(source);
        var properties = new List<XElement> { Property("source", source) };
        if (run.TargetFramework is { } framework)
        {
            properties.Add(Property("framework", ReportFileLocation.ShortFrameworkName(framework)));
        }

        if (run.Aborted)
        {
            properties.Add(Property("aborted", "true"));
        }

        return new XElement(
            "testsuite",
            Attribute("name", assembly),
            Attribute("tests", cases.Count),
            Attribute("failures", cases.Count(c => c.Verdict == TestCaseVerdict.Failed)),
            Attribute("errors", cases.Count(c => c.Verdict == TestCaseVerdict.Error)),
            Attribute("skipped", cases.Count(c => c.Verdict == TestCaseVerdict.Skipped)),
            Attribute("time", Seconds(TotalDuration(cases))),
            Attribute("timestamp", run.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            Attribute("hostname", cases.Select(c => c.Last.ComputerName).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? run.HostName),
            Attribute("id", index),
            Attribute("package", assembly),
            new XElement("properties", properties),
            cases.Select(c => TestCase(c, methodFormat, failureBodyFormat)),
            Text("system-out", string.Concat(run.RunAttachments.Select(AttachmentLine))),
            Text("system-err", string.Join('\n', run.RunErrors)));
    }

    private static XElement TestCase(TestCaseAttempts testCase, MethodFormat methodFormat, FailureBodyFormat failureBodyFormat)
    {
        var last = testCase.Last;
        var name = TestCaseName.From(last.FullyQualifiedName, last.DisplayName, methodFormat);
        var finalVerdict = testCase.Verdict;
        var earlierElement = finalVerdict == TestCaseVerdict.Passed ? "flaky" : "rerun";
        var attachments = testCase.Attempts.SelectMany(a => a.Attachments).Distinct(StringComparer.Ordinal);

        return new XElement(
            "testcase",
            Attribute("classname", name.ClassName),
            Attribute("name", name.Name),
            Attribute("time", Seconds(testCase.Duration)),
            string.IsNullOrEmpty(last.CodeFilePath) ? null : Attribute("file", last.CodeFilePath),
            last.LineNumber > 0 ? Attribute("line", last.LineNumber) : null,
            last.Traits.Count == 0 ? null : new XElement("properties", last.Traits.Select(t => Property(t.Key, t.Value))),
            finalVerdict switch
            {
                TestCaseVerdict.Failed => Problem("failure", last, failureBodyFormat),
                TestCaseVerdict.Error => Problem("error", last, failureBodyFormat),
                // Jenkins reads the reason from the attribute, GitLab from the text: give both.
                TestCaseVerdict.Skipped => new XElement("skipped", Attribute("message", last.ErrorMessage ?? string.Empty), SafeText(last.ErrorMessage)),
                _ => null,
            },
            testCase.EarlierUnsuccessful.Select(attempt => EarlierAttempt(earlierElement, attempt)),
            Text("system-out", last.StandardOutput + string.Concat(attachments.Select(AttachmentLine))),
            Text("system-err", last.StandardError));
    }

    private static XElement Problem(string element, RecordedTestResult attempt, FailureBodyFormat failureBodyFormat)
    {
        var body = failureBodyFormat == FailureBodyFormat.Verbose
            ? string.Join(
                "\n",
                new[] { attempt.ErrorMessage, attempt.ErrorStackTrace, attempt.StandardOutput is null ? null : "Standard output:\n" + attempt.StandardOutput }
                    .Where(part => !string.IsNullOrEmpty(part)))
            : attempt.ErrorStackTrace;
        return new XElement(
            element,
            Attribute("message", ProblemMessage(attempt)),
            Attribute("type", ProblemType(attempt, element)),
            SafeText(body));
    }

    /// <summary>Surefire's shape for an earlier attempt: flakyFailure / rerunFailure (or flakyError / rerunError).</summary>
    private static XElement EarlierAttempt(string prefix, RecordedTestResult attempt)
    {
        var kind = TestCaseAttempts.VerdictOf(attempt.Outcome) == TestCaseVerdict.Error ? "Error" : "Failure";
        return new XElement(
            prefix + kind,
            Attribute("message", ProblemMessage(attempt)),
            Attribute("type", ProblemType(attempt, kind.ToLowerInvariant())),
            Text("stackTrace", attempt.ErrorStackTrace),
            Text("system-out", attempt.StandardOutput),
            Text("system-err", attempt.StandardError));
    }

    private static string ProblemMessage(RecordedTestResult attempt) =>
        attempt.ErrorMessage
        ?? (TestCaseAttempts.VerdictOf(attempt.Outcome) == TestCaseVerdict.Error
            ? $"The test adapter reported the outcome {attempt.Outcome}: the test did not run to a verdict."
            : string.Empty);

    /// <summary>The exception type when the message starts with one (xunit: <c>System.InvalidOperationException : ...</c>).</summary>
    private static string ProblemType(RecordedTestResult attempt, string fallback)
    {
        var match = attempt.ErrorMessage is null ? Match.Empty : ExceptionTypePrefix().Match(attempt.ErrorMessage);
        return match.Success ? match.Groups["type"].Value
            : TestCaseAttempts.VerdictOf(attempt.Outcome) == TestCaseVerdict.Error ? $"TestOutcome.{attempt.Outcome}"
            : fallback;
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

    private static TimeSpan TotalDuration(IEnumerable<TestCaseAttempts> cases) =>
        cases.Aggregate(TimeSpan.Zero, (total, c) => total + c.Duration);

    [GeneratedRegex(@"^\s*(?<type>[A-Za-z_][\w`]*(?:[.+][A-Za-z_][\w`]*)*Exception)\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex ExceptionTypePrefix();
}
