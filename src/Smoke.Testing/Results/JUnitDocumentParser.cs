using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Smoke.Testing.Results;

/// <summary>Turns a loaded JUnit document into results; every shape problem is reported with its line.</summary>
internal sealed partial class JUnitDocumentParser(string sourceName)
{
    public IReadOnlyList<TestSuiteResult> Parse(XDocument document)
    {
        var root = document.Root ?? throw Problem(null, "the document has no root element");
        var suites = new List<TestSuiteResult>();
        switch (root.Name.LocalName)
        {
            case "testsuites":
                foreach (var suite in root.Elements().Where(element => element.Name.LocalName == "testsuite"))
                {
                    AddSuite(suite, suites);
                }

                break;
            case "testsuite":
                AddSuite(root, suites);
                break;
            default:
                throw Problem(root, $"the root element is <{root.Name.LocalName}>, expected <testsuites> or <testsuite>");
        }

        return suites;
    }

    private void AddSuite(XElement suite, List<TestSuiteResult> suites)
    {
        var name = Attribute(suite, "name") ?? DefaultSuiteName();
        var tests = suite.Elements()
            .Where(element => element.Name.LocalName == "testcase")
            .Select(testCase => ReadTestCase(testCase, name))
            .ToList();

        var duration = Seconds(suite, "time") ?? TimeSpan.FromTicks(tests.Sum(test => test.Duration.Ticks));
        suites.Add(new TestSuiteResult(name, sourceName, Timestamp(suite), duration, tests)
        {
            Hostname = Attribute(suite, "hostname"),
            Properties = Properties(suite),
            SystemOut = Text(Child(suite, "system-out")),
        });

        // Some producers nest suites (one per class inside one per assembly); each becomes its own result.
        foreach (var nested in suite.Elements().Where(element => element.Name.LocalName == "testsuite"))
        {
            AddSuite(nested, suites);
        }
    }

    private TestCase ReadTestCase(XElement testCase, string suiteName)
    {
        var name = Attribute(testCase, "name") ?? throw Problem(testCase, "a <testcase> has no name attribute");
        var className = Attribute(testCase, "classname") ?? suiteName;

        var failure = Child(testCase, "failure") ?? Child(testCase, "error");
        var skipped = Child(testCase, "skipped");
        var attempts = testCase.Elements()
            .Select(ReadAttempt)
            .OfType<TestAttempt>()
            .ToList();

        var outcome = failure is not null || attempts.Any(attempt => attempt.Kind is TestAttemptKind.RerunFailure or TestAttemptKind.RerunError)
            ? TestOutcome.Failed
            : skipped is not null ? TestOutcome.Skipped : TestOutcome.Passed;

        var (message, stackTrace, failureType) = outcome switch
        {
            TestOutcome.Failed when failure is not null => (Message(failure), StackTrace(failure), Attribute(failure, "type")),
            TestOutcome.Failed => (attempts[^1].Message, attempts[^1].StackTrace, attempts[^1].FailureType),
            TestOutcome.Skipped => (Attribute(skipped!, "message") ?? Text(skipped), null, null),
            _ => ((string?)null, (string?)null, (string?)null),
        };

        var systemOut = Text(Child(testCase, "system-out"));
        return new TestCase(
            FullyQualifiedName(className, name),
            name,
            className,
            outcome,
            Seconds(testCase, "time") ?? TimeSpan.Zero,
            message,
            stackTrace,
            Properties(testCase),
            attempts)
        {
            FailureType = failureType,
            SystemOut = systemOut,
            SystemErr = Text(Child(testCase, "system-err")),
            File = Attribute(testCase, "file"),
            Line = Integer(testCase, "line"),
            Attachments = systemOut is null
                ? []
                : AttachmentPattern().Matches(systemOut).Select(match => match.Groups["path"].Value.Trim()).ToList(),
        };
    }

    private static TestAttempt? ReadAttempt(XElement element)
    {
        TestAttemptKind? kind = element.Name.LocalName switch
        {
            "flakyFailure" => TestAttemptKind.FlakyFailure,
            "flakyError" => TestAttemptKind.FlakyError,
            "rerunFailure" => TestAttemptKind.RerunFailure,
            "rerunError" => TestAttemptKind.RerunError,
            _ => null,
        };

        return kind is null
            ? null
            : new TestAttempt(
                kind.Value,
                Message(element),
                Attribute(element, "type"),
                StackTrace(element),
                Text(Child(element, "system-out")),
                Text(Child(element, "system-err")));
    }

    /// <summary>
    /// JUnit splits a test's identity into classname and name, and loggers differ on how much of the
    /// class they repeat in name (spekt's MethodFormat Default, Class and Full); this undoes all three.
    /// </summary>
    private static string FullyQualifiedName(string className, string name)
    {
        if (name.StartsWith(className + ".", StringComparison.Ordinal))
        {
            return name;
        }

        var methodStart = name.IndexOf('(', StringComparison.Ordinal);
        var qualifier = methodStart < 0 ? name : name[..methodStart];
        var lastDot = qualifier.LastIndexOf('.');
        if (lastDot > 0)
        {
            var shortClass = qualifier[..lastDot];
            if (className.EndsWith("." + shortClass, StringComparison.Ordinal))
            {
                return className[..^shortClass.Length] + name;
            }
        }

        return className + "." + name;
    }

    private static string? Message(XElement element) =>
        Attribute(element, "message") ?? FirstLine(Text(element.Nodes().OfType<XText>().FirstOrDefault()?.Value));

    /// <summary>Surefire puts the trace in a stackTrace child of retry elements; everyone else uses the element's text.</summary>
    private static string? StackTrace(XElement element) =>
        Text(Child(element, "stackTrace")) ?? Text(string.Concat(element.Nodes().OfType<XText>().Select(text => text.Value)));

    private Dictionary<string, IReadOnlyList<string>> Properties(XElement owner)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in owner.Elements().Where(element => element.Name.LocalName == "properties").Elements())
        {
            if (property.Name.LocalName != "property")
            {
                continue;
            }

            var name = Attribute(property, "name") ?? throw Problem(property, "a <property> has no name attribute");
            var value = property.Attribute("value")?.Value ?? property.Value;
            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }

            list.Add(value);
        }

        return values.ToDictionary(pair => pair.Key, IReadOnlyList<string> (pair) => pair.Value, StringComparer.OrdinalIgnoreCase);
    }

    private TimeSpan? Seconds(XElement element, string attribute)
    {
        var text = Attribute(element, attribute);
        if (text is null)
        {
            return null;
        }

        // Some producers write the current culture's decimal comma ("0,125"); a lone comma can only mean that.
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && !(text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal)
                && decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)))
        {
            throw Problem(element, $"{attribute}=\"{text}\" on <{element.Name.LocalName}> is not a number of seconds");
        }

        return seconds < 0
            ? throw Problem(element, $"{attribute}=\"{text}\" on <{element.Name.LocalName}> is negative")
            : TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
    }

    private int? Integer(XElement element, string attribute)
    {
        var text = Attribute(element, attribute);
        return text is null
            ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Problem(element, $"{attribute}=\"{text}\" on <{element.Name.LocalName}> is not a whole number");
    }

    private DateTimeOffset? Timestamp(XElement suite)
    {
        var text = Attribute(suite, "timestamp");
        return text is null
            ? null
            : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp)
                ? timestamp
                : throw Problem(suite, $"timestamp=\"{text}\" on <testsuite> is not an ISO 8601 date and time");
    }

    private string DefaultSuiteName()
    {
        var fileName = Path.GetFileName(sourceName);
        return fileName.EndsWith(".junit.xml", StringComparison.OrdinalIgnoreCase)
            ? fileName[..^".junit.xml".Length]
            : Path.GetFileNameWithoutExtension(fileName);
    }

    private static XElement? Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(child => child.Name.LocalName == name);

    private static string? Attribute(XElement element, string name) =>
        element.Attribute(name)?.Value is { Length: > 0 } value ? value : null;

    private static string? Text(XElement? element) => element is null ? null : Text(element.Value);

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].TrimEnd('\r');

    private JUnitFormatException Problem(XObject? at, string problem)
    {
        var position = at as IXmlLineInfo;
        return position is { } info && info.HasLineInfo()
            ? new JUnitFormatException(sourceName, info.LineNumber, info.LinePosition, problem)
            : new JUnitFormatException(sourceName, 0, 0, problem);
    }

    [GeneratedRegex(@"\[\[ATTACHMENT\|(?<path>[^\]]+)\]\]")]
    private static partial Regex AttachmentPattern();
}
