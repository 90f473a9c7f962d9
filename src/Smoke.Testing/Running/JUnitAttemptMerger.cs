using System.Globalization;
using System.Xml.Linq;

namespace Smoke.Testing.Running;

/// <summary>
/// Folds the JUnit files of a project's retries into its first one, the Surefire way: a test that passed on a retry
/// keeps its passing result with a <c>flakyFailure</c> per earlier failure; one that never passed keeps its last
/// failure with a <c>rerunFailure</c> per earlier one. Everything else in the first file is kept as written.
/// </summary>
internal static class JUnitAttemptMerger
{
    public static XDocument Merge(XDocument first, IReadOnlyList<XDocument> retries)
    {
        var merged = new XDocument(first);
        foreach (var testCase in merged.Descendants("testcase").Where(HasProblem).ToList())
        {
            var chain = retries
                .Select(retry => Find(retry, testCase))
                .OfType<XElement>()
                .Prepend(testCase)
                .ToList();
            if (chain.Count > 1)
            {
                testCase.ReplaceWith(Fold(chain));
            }
        }

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
        var earlier = chain.Take(chain.Count - 1).SelectMany(attempt => attempt.Elements().Where(IsRetryElement).Select(element => new XElement(element))
            .Append(EarlierAttempt(prefix, attempt)))
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
        return new XElement(
            prefix + kind,
            problem.Attributes().Where(attribute => attribute.Name.LocalName is "message" or "type").Select(attribute => new XAttribute(attribute)),
            Text("stackTrace", problem.Value),
            Text("system-out", attempt.Element("system-out")?.Value),
            Text("system-err", attempt.Element("system-err")?.Value));
    }

    private static XElement? Text(string name, string? text) => string.IsNullOrEmpty(text) ? null : new XElement(name, text);

    private static bool IsRetryElement(XElement element) =>
        element.Name.LocalName is "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError";

    private static XElement? Find(XDocument attempt, XElement testCase) =>
        attempt.Descendants("testcase").FirstOrDefault(candidate =>
            (string?)candidate.Attribute("classname") == (string?)testCase.Attribute("classname")
            && (string?)candidate.Attribute("name") == (string?)testCase.Attribute("name"));

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
