using System.Globalization;
using System.Net;
using System.Text;

namespace Smoke.Testing.Quality;

/// <summary>
/// artifacts/coverage/index.html: one self-contained page (no script, nothing fetched) with the gate's verdict, each
/// measured assembly against its threshold, and the least-covered files with their uncovered lines.
/// </summary>
public static class CoverageHtml
{
    /// <summary>How many of the least-covered files the page lists.</summary>
    public const int LeastCoveredCount = 15;

    private const string Style = """
        body { margin: 0; padding: 24px 32px 48px; font: 14px/1.5 system-ui, "DejaVu Sans", sans-serif; color: #1f2328; }
        h1 { margin: 0 0 8px; font-size: 26px; } h1.passed { color: #1a7f37; } h1.failed { color: #cf222e; }
        h2 { margin: 28px 0 10px; font-size: 19px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid #d0d7de; vertical-align: top; }
        th { background: #f6f8fa; } td.num, th.num { text-align: right; white-space: nowrap; }
        .bar { display: inline-block; width: 120px; height: 10px; background: #ffebe9; border-radius: 5px; overflow: hidden; vertical-align: middle; margin-right: 8px; }
        .bar span { display: block; height: 100%; background: #2da44e; }
        .below { color: #cf222e; font-weight: 600; } .muted { color: #57606a; } code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; }
        """;

    /// <param name="rootDirectory">File paths are shown relative to it (the repository root).</param>
    public static string Render(CoverageGateResult result, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Passed ? "passed" : "failed";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>Coverage ").Append(verdict)
            .Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1 class=\"").Append(verdict).Append("\">Coverage gate ").Append(verdict).Append("</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{CoveragePercent.Text(result.Measured.LinePercent)} of {result.Measured.LinesValid:N0} lines in the measured assemblies are covered ({result.Measured.LinesCovered:N0}). The merged Cobertura file is <code>coverage.cobertura.xml</code> beside this page.</p>\n");
        if (result.FailureMessage is { } failure)
        {
            html.Append("<p class=\"below\">").Append(Escape(failure)).Append("</p>\n");
        }

        html.Append("<h2>Assemblies</h2>\n<table>\n<tr><th>Assembly</th><th>Line coverage</th><th class=\"num\">Lines</th><th class=\"num\">Covered</th><th class=\"num\">Threshold</th></tr>\n");
        foreach (var assembly in result.Assemblies)
        {
            var percent = assembly.Coverage?.LinePercent ?? 0m;
            html.Append("<tr><td>").Append(Escape(assembly.Assembly)).Append("</td><td")
                .Append(assembly.Passed ? string.Empty : " class=\"below\"").Append('>')
                .Append(Bar(percent))
                .Append(assembly.Coverage is null ? "no data" : CoveragePercent.Text(percent))
                .Append(CultureInfo.InvariantCulture, $"</td><td class=\"num\">{assembly.Coverage?.LinesValid ?? 0:N0}</td><td class=\"num\">{assembly.Coverage?.LinesCovered ?? 0:N0}</td><td class=\"num\">{assembly.Threshold:0.##}%</td></tr>\n");
        }

        html.Append("</table>\n<h2>Least-covered files</h2>\n");
        var files = result.LeastCovered(LeastCoveredCount);
        if (files.Count == 0)
        {
            html.Append("<p>Every line of every measured file is covered.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>File</th><th>Line coverage</th><th class=\"num\">Uncovered</th><th>Uncovered lines</th></tr>\n");
            foreach (var file in files)
            {
                html.Append("<tr><td><code>").Append(Escape(file.PathFrom(rootDirectory))).Append("</code><br /><span class=\"muted\">")
                    .Append(Escape(file.Assembly)).Append("</span></td><td>").Append(Bar(file.LinePercent)).Append(CoveragePercent.Text(file.LinePercent))
                    .Append(CultureInfo.InvariantCulture, $"</td><td class=\"num\">{file.LinesValid - file.LinesCovered:N0} of {file.LinesValid:N0}</td><td><code>")
                    .Append(Escape(LineRanges(file.UncoveredLines))).Append("</code></td></tr>\n");
            }

            html.Append("</table>\n");
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Writes the page whole (temporary file, then renamed).</summary>
    public static async Task WriteAsync(CoverageGateResult result, string path, string rootDirectory, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, Render(result, rootDirectory), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>12, 13, 14, 20 as "12-14, 20".</summary>
    internal static string LineRanges(IReadOnlyList<int> lines)
    {
        var ranges = new List<string>();
        for (var i = 0; i < lines.Count;)
        {
            var end = i;
            while (end + 1 < lines.Count && lines[end + 1] == lines[end] + 1)
            {
                end++;
            }

            ranges.Add(end == i
                ? lines[i].ToString(CultureInfo.InvariantCulture)
                : $"{lines[i].ToString(CultureInfo.InvariantCulture)}-{lines[end].ToString(CultureInfo.InvariantCulture)}");
            i = end + 1;
        }

        return string.Join(", ", ranges);
    }

    private static string Bar(decimal percent) =>
        $"<span class=\"bar\"><span style=\"width:{Math.Clamp(Math.Floor(percent), 0m, 100m).ToString("0", CultureInfo.InvariantCulture)}%\"></span></span>";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
