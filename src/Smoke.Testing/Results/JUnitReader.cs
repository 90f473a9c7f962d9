using System.Xml;
using System.Xml.Linq;

namespace Smoke.Testing.Results;

/// <summary>
/// Reads JUnit XML as written by our logger, Jenkins, Surefire and most other producers:
/// <c>testsuites</c> or a bare <c>testsuite</c> at the root, nested suites flattened, trait
/// <c>properties</c> on test cases, and Surefire's <c>flakyFailure</c>/<c>rerunFailure</c> retries.
/// </summary>
public static class JUnitReader
{
    /// <summary>Reads every suite in one file.</summary>
    /// <exception cref="JUnitFormatException">The file is not well-formed XML or not shaped like JUnit; the message names the file and line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<IReadOnlyList<TestSuiteResult>> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = new FileStream(
            path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every <c>*.xml</c> file directly in <paramref name="directory"/>, in file name order.</summary>
    public static async Task<IReadOnlyList<TestSuiteResult>> ReadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException(
                $"JUnit results directory {directory} does not exist: no test project wrote results there; check the logger's LogFilePath.");
        }

        var suites = new List<TestSuiteResult>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.xml").Order(StringComparer.Ordinal))
        {
            suites.AddRange(await ReadFileAsync(file, cancellationToken).ConfigureAwait(false));
        }

        return suites;
    }

    /// <summary>Reads every suite from <paramref name="stream"/>; <paramref name="sourceName"/> names it in errors and results.</summary>
    public static async Task<IReadOnlyList<TestSuiteResult>> ReadAsync(Stream stream, string sourceName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);

        var settings = new XmlReaderSettings
        {
            Async = true,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        XDocument document;
        try
        {
            using var reader = XmlReader.Create(stream, settings);
            document = await XDocument.LoadAsync(reader, LoadOptions.SetLineInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (XmlException exception)
        {
            var problem = stream.CanSeek && stream.Length == 0 ? "the file is empty" : exception.Message;
            throw new JUnitFormatException(sourceName, exception.LineNumber, exception.LinePosition, problem, exception);
        }

        return new JUnitDocumentParser(sourceName).Parse(document);
    }
}
