using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Smoke.JUnit.TestLogger.Tests.Schema;

/// <summary>Jenkins' junit-10.xsd (copied into Schemas/), and the parts of our output it does not describe.</summary>
internal static class JUnitSchema
{
    /// <summary>What we write beyond junit-10.xsd; docs/junit.md lists the same.</summary>
    public static readonly IReadOnlyList<string> TestCaseAttributesBeyondSchema = ["file", "line"];

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load);

    /// <summary>Every validation problem in the document, with its line; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        var text = document.Declaration + Environment.NewLine + document.ToString(SaveOptions.DisableFormatting);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, e) => problems.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    /// <summary>A copy without our non-standard additions (testcase properties, file and line), for schema validation.</summary>
    public static XDocument WithoutExtensions(XDocument document)
    {
        var copy = new XDocument(document);
        foreach (var testCase in copy.Descendants("testcase"))
        {
            testCase.Elements("properties").Remove();
            foreach (var attribute in TestCaseAttributesBeyondSchema)
            {
                testCase.Attribute(attribute)?.Remove();
            }
        }

        return copy;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(AppContext.BaseDirectory, "Schemas", "junit-10.xsd"));
        set.Add(targetNamespace: null, reader);
        set.Compile();
        return set;
    }
}
