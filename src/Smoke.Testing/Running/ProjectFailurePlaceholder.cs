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
        suite.Add(new XElement(
            "testcase",
            new XAttribute("classname", projectName),
            new XAttribute("name", TestName(status)),
            new XAttribute("time", duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)),
            new XElement(
                "error",
                new XAttribute("message", XmlSafe(note)),
                new XAttribute("type", $"Smoke.{status}"),
                XmlSafe(string.Join('\n', outputTail)))));

        return JUnitAttemptMerger.Merge(document, []);
    }

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
