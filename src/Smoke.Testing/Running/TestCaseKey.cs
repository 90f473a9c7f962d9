using System.Xml.Linq;

namespace Smoke.Testing.Running;

/// <summary>
/// A testcase's identity across the JUnit files of one project's attempts or runs: class, name, and how many testcases
/// of that class and name come before it. The name alone is not unique: theory rows whose data the framework cannot
/// serialize can share one, and each row must meet its own results in the other files.
/// </summary>
internal readonly record struct TestCaseKey(string ClassName, string Name, int Occurrence)
{
    /// <summary>Every testcase of the document with its key, in document order.</summary>
    public static IEnumerable<(XElement TestCase, TestCaseKey Key)> All(XDocument document)
    {
        var seen = new Dictionary<(string ClassName, string Name), int>();
        foreach (var testCase in document.Descendants("testcase"))
        {
            var name = ((string?)testCase.Attribute("classname") ?? string.Empty, (string?)testCase.Attribute("name") ?? string.Empty);
            var occurrence = seen.GetValueOrDefault(name);
            seen[name] = occurrence + 1;
            yield return (testCase, new TestCaseKey(name.Item1, name.Item2, occurrence));
        }
    }

    public static XElement? Find(XDocument document, TestCaseKey key) =>
        All(document).FirstOrDefault(keyed => keyed.Key == key).TestCase;
}
