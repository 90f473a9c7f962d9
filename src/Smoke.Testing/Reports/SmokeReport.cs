using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Smoke.Shared;
using Smoke.Testing.Running;

namespace Smoke.Testing.Reports;

/// <summary>Writes a run's reports: <c>report.json</c>, <c>summary.md</c> and <c>report.html</c> (docs/reports.md describes them).</summary>
public static class SmokeReport
{
    /// <summary>The <c>schemaVersion</c> of report.json.</summary>
    public const int SchemaVersion = ReportJson.SchemaVersion;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the three files into <paramref name="directory"/> (usually <c>artifacts/smoke</c>), each replaced whole.</summary>
    /// <param name="secrets">Values that must not appear in any report; each becomes <c>***</c>.</param>
    public static async Task<SmokeReportFiles> WriteAsync(RunReport report, string directory, IEnumerable<string>? secrets = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var text = new ReportText(new SecretMask(secrets ?? []));
        Directory.CreateDirectory(directory);
        var files = new SmokeReportFiles(
            Path.Combine(directory, "report.json"),
            Path.Combine(directory, "summary.md"),
            Path.Combine(directory, "report.html"));

        await ReplaceAsync(files.Json, Json(report, text), cancellationToken).ConfigureAwait(false);
        await ReplaceAsync(files.Markdown, SummaryMarkdown.Render(report, text), cancellationToken).ConfigureAwait(false);
        await ReplaceAsync(files.Html, HtmlReport.Render(report, text), cancellationToken).ConfigureAwait(false);
        return files;
    }

    /// <summary>summary.md's content, e.g. to append to <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    public static string Markdown(RunReport report, IEnumerable<string>? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        return SummaryMarkdown.Render(report, new ReportText(new SecretMask(secrets ?? [])));
    }

    private static string Json(RunReport report, ReportText text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ReportJson.Write(json, report, text);
        }

        return Utf8.GetString(buffer.ToArray()) + "\n";
    }

    private static async Task ReplaceAsync(string path, string content, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, content, Utf8, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
