using System.Globalization;
using System.Xml.Linq;

namespace Smoke.Testing.Running;

/// <summary>
/// Folds the JUnit files of a project's retries into its first one, the Surefire way: a test that passed on a retry
/// keeps its passing result with a <c>flakyFailure</c> per earlier failure; one that never passed keeps its last
/// failure with a <c>rerunFailure</c> per earlier one. Everything else in the first file is kept as written.
/// Testcases are matched by class, name and position among those of the same name: theory rows whose data the framework
/// cannot serialize can share a name, and each must meet its own retry.
/// </summary>
internal static class JUnitAttemptMerger
{
    public static XDocument Merge(XDocument first, IReadOnlyList<XDocument> retries)
    {
        var merged = new XDocument(first);
        var retriesByKey = retries
            .Select(retry => TestCaseKey.All(retry).ToDictionary(keyed => keyed.Key, keyed => keyed.TestCase))
            .ToList();
        foreach (var (testCase, key) in TestCaseKey.All(merged).Where(keyed => HasProblem(keyed.TestCase)).ToList())
        {
            var chain = retriesByKey
                .Select(retry => retry.GetValueOrDefault(key))
                .OfType<XElement>()
                .Prepend(testCase)
                .ToList();
            if (chain.Count > 1)
            {
                testCase.ReplaceWith(Fold(chain));
            }
        }

        GiveEveryProblemText(merged);
        RecountAll(merged);
        return merged;
    }

    /// <summary>Sets every suite's counts and time (and the root's) from its test cases, after they were replaced.</summary>
    public static void RecountAll(XDocument merged)
    {
        foreach (var suite in merged.Descendants("testsuite"))
        {
            Recount(suite, suite.Elements("testcase").ToList());
        }

        if (merged.Root is { Name.LocalName: "testsuites" } root)
        {
            Recount(root, root.Descendants("testcase").ToList());
        }
    }

    /// <summary>A testcase with a failure or an error, i.e. one worth retrying.</summary>
    public static bool HasProblem(XElement testCase) => testCase.Element("failure") is not null || testCase.Element("error") is not null;

    /// <summary>One test's results, oldest first, as one testcase: the last result with a flaky or rerun element per earlier failure.</summary>
    public static XElement Fold(IReadOnlyList<XElement> chain)
    {
        var last = new XElement(chain[^1]);
        var prefix = HasProblem(last) ? "rerun" : "flaky";
        // An earlier attempt that passed (a theory row that ran again because another row failed) leaves no element.
        var earlier = chain.Take(chain.Count - 1).SelectMany(attempt => attempt.Elements().Where(IsRetryElement).Select(element => new XElement(element))
            .Concat(HasProblem(attempt) ? [EarlierAttempt(prefix, attempt)] : []))
            .ToList();
        var inheritedRetries = last.Elements().Where(IsRetryElement).ToList();
        inheritedRetries.Remove();

        var output = last.Elements().FirstOrDefault(element => element.Name.LocalName is "system-out" or "system-err");
        if (output is null)
        {
            last.Add(earlier, inheritedRetries);
        }
        else
        {
            output.AddBeforeSelf(earlier, inheritedRetries);
        }

        last.SetAttributeValue("time", Seconds(chain.Sum(Time)));
        return last;
    }

    private static XElement EarlierAttempt(string prefix, XElement attempt)
    {
        var problem = attempt.Element("failure") ?? attempt.Element("error")!;
        var kind = problem.Name.LocalName == "error" ? "Error" : "Failure";
        var type = (string?)problem.Attribute("type");
        var message = FailureBody.MessageWithoutType((string?)problem.Attribute("message"), type);
        return new XElement(
            prefix + kind,
            message is null ? null : new XAttribute("message", message),
            type is null ? null : new XAttribute("type", type),
            Text("stackTrace", FailureBody.StackTrace(problem)),
            Text("system-out", attempt.Element("system-out")?.Value),
            Text("system-err", attempt.Element("system-err")?.Value));
    }

    private static XElement? Text(string name, string? text) => string.IsNullOrEmpty(text) ? null : new XElement(name, text);

    private static bool IsRetryElement(XElement element) =>
        element.Name.LocalName is "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError";

    /// <summary>
    /// dorny/test-reporter's jest-junit parser rejects a whole file over one empty failure or error, and GitLab then shows
    /// a hash; files from other loggers (spekt's writes a failure without a stack trace as an empty element) get the message.
    /// </summary>
    private static void GiveEveryProblemText(XDocument document)
    {
        foreach (var problem in document.Descendants().Where(element => element.Name.LocalName is "failure" or "error"))
        {
            if (string.IsNullOrWhiteSpace(problem.Value))
            {
                problem.Value = (string?)problem.Attribute("message") is { Length: > 0 } message
                    ? message
                    : $"The test reported {(problem.Name.LocalName == "error" ? "an error" : "a failure")} without a message or a stack trace.";
            }
        }
    }

    private static void Recount(XElement owner, List<XElement> testCases)
    {
        Set(owner, "tests", testCases.Count);
        Set(owner, "failures", testCases.Count(testCase => testCase.Element("failure") is not null));
        Set(owner, "errors", testCases.Count(testCase => testCase.Element("error") is not null));
        if (owner.Name.LocalName == "testsuite")
        {
            Set(owner, "skipped", testCases.Count(testCase => testCase.Element("skipped") is not null));
        }

        owner.SetAttributeValue("time", Seconds(testCases.Sum(Time)));
    }

    private static void Set(XElement owner, string name, int value) =>
        owner.SetAttributeValue(name, value.ToString(CultureInfo.InvariantCulture));

    private static decimal Time(XElement testCase) =>
        decimal.TryParse((string?)testCase.Attribute("time"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0m;

    private static string Seconds(decimal seconds) => seconds.ToString("0.000", CultureInfo.InvariantCulture);
}
