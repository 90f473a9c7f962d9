using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>Writes a report so that a reader never sees half of it: a temporary file beside the target, then a rename.</summary>
internal static class ReportFile
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        NewLineChars = "\n",
        CheckCharacters = true,
    };

    /// <exception cref="IOException">The file could not be written; the message names it.</exception>
    public static void WriteAtomically(XDocument document, string path)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = XmlWriter.Create(stream, Settings))
                {
                    document.Save(writer);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException(
                $"junit logger: could not write the JUnit report to {fullPath}: {e.Message}; check that the directory is writable or choose another LogFilePath.",
                e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The original failure is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // The original failure is the one worth reporting.
        }
    }
}
