using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Smoke.Testing.Running;

/// <summary>
/// The testcase that stands for a project that hung, crashed or did not build. Without it a dead project would
/// leave no failure in the JUnit files, and every reader of them (CI reporters, the rollback policy) would see fewer
/// tests and no problem.
/// </summary>
internal static class ProjectFailurePlaceholder
{
    /// <summary>The testcase Smoke.JUnit.TestLogger writes for an aborted run (its docs/junit.md), and its error type.</summary>
    private const string AbortedRunTestName = "test host aborted";
    private const string AbortedRunErrorType = "TestRunAborted";

    public static string TestName(SmokeProjectStatus status) => status switch
    {
        SmokeProjectStatus.Hung => "[project hung]",
        SmokeProjectStatus.Crashed => "[project crashed]",
        SmokeProjectStatus.BuildFailed => "[project build failed]",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "only a project that did not finish has a placeholder"),
    };

    /// <summary>Adds the placeholder to the project's results, or makes a file with only it when there are none.</summary>
    public static XDocument AddTo(XDocument? results, string projectName, SmokeProjectStatus status, TimeSpan duration, string note, IReadOnlyList<string> outputTail)
    {
        var document = results is null
            ? new XDocument(new XElement("testsuites", new XElement(
                "testsuite",
                new XAttribute("name", projectName),
                new XAttribute("timestamp", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
                new XAttribute("hostname", Environment.MachineName))))
            : new XDocument(results);
        var suite = document.Descendants("testsuite").First();

        // Smoke's logger already records an aborted run as an error testcase; one crash must count as one error.
        var recordedAborts = document.Descendants("testcase").Where(IsRecordedAbort).ToList();
        var abortTexts = recordedAborts.Select(testCase => testCase.Element("error")!.Value).Where(text => text.Length > 0).ToList();
        recordedAborts.ForEach(testCase => testCase.Remove());
        IReadOnlyList<string> details = [.. abortTexts, .. outputTail];

        suite.Add(new XElement(
            "testcase",
            new XAttribute("classname", projectName),
            new XAttribute("name", TestName(status)),
            new XAttribute("time", duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)),
            new XElement(
                "error",
                new XAttribute("message", XmlSafe(note)),
                new XAttribute("type", $"Smoke.{status}"),
                // The note leads the text too: GitLab shows only the text, and an empty one breaks other readers.
                XmlSafe(details.Count == 0 ? note : $"{note}\n\n{string.Join('\n', details)}"))));

        return JUnitAttemptMerger.Merge(document, []);
    }

    /// <summary>
    /// Whether Smoke's logger recorded the run as aborted. VSTest's console says so too, but in the user's language; the
    /// file says it the same way everywhere, and without this its error testcase would pass for a failed test to retry.
    /// </summary>
    public static bool RecordsAbortedRun(XDocument results) => results.Descendants("testcase").Any(IsRecordedAbort);

    private static bool IsRecordedAbort(XElement testCase) =>
        (string?)testCase.Attribute("name") == AbortedRunTestName
        && (string?)testCase.Element("error")?.Attribute("type") == AbortedRunErrorType;

    /// <summary>Process output may hold characters XML cannot carry (terminal escapes); they are written as <c>\uXXXX</c>.</summary>
    private static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe.Append(text, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else
            {
                safe.Append(CultureInfo.InvariantCulture, $"\\u{(int)text[i]:X4}");
            }
        }

        return safe.ToString();
    }
}
