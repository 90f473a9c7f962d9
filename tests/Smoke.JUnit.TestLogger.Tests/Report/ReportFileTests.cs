using System.Xml.Linq;
using Smoke.JUnit.TestLogger.Report;

namespace Smoke.JUnit.TestLogger.Tests.Report;

public sealed class ReportFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"junit-report-file-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Missing_directories_are_created_and_no_temporary_file_is_left()
    {
        var path = Path.Combine(_directory, "nested", "Sample.Tests.junit.xml");

        ReportFile.WriteAtomically(new XDocument(new XElement("testsuites")), path);

        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
        Assert.Equal("testsuites", XDocument.Load(path).Root!.Name.LocalName);
    }

    [Fact]
    public void An_existing_report_is_replaced_whole()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "report.xml");
        File.WriteAllText(path, new string('x', 100_000));

        ReportFile.WriteAtomically(new XDocument(new XElement("testsuites", new XAttribute("tests", "0"))), path);

        Assert.Equal("0", XDocument.Load(path).Root!.Attribute("tests")!.Value);
    }

    [Fact]
    public void The_file_is_UTF8_without_a_byte_order_mark_and_declares_it()
    {
        var path = Path.Combine(_directory, "report.xml");

        ReportFile.WriteAtomically(new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", "é")), path);

        var bytes = File.ReadAllBytes(path);
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_cannot_be_written_is_named_in_the_error()
    {
        Directory.CreateDirectory(_directory);
        var blocker = Path.Combine(_directory, "a-file");
        File.WriteAllText(blocker, string.Empty);
        var path = Path.Combine(blocker, "report.xml");

        var error = Assert.Throws<IOException>(() => ReportFile.WriteAtomically(new XDocument(new XElement("testsuites")), path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("LogFilePath", error.Message, StringComparison.Ordinal);
    }
}
