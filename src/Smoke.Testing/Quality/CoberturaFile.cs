using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Smoke.Testing.Quality;

/// <summary>
/// Reads and writes Cobertura XML, the format coverlet's "XPlat Code Coverage" collector writes and that CI coverage
/// viewers (GitLab, Jenkins, Azure DevOps, codecov) read. Only line data (and the condition counts of branch lines) is
/// kept: that is what the coverage gate judges.
/// </summary>
public static partial class CoberturaFile
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not Cobertura XML; the message names the file.</exception>
    public static async Task<CoverageReport> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        await using var stream = File.OpenRead(path);
        XDocument document;
        try
        {
            document = await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        }
        catch (XmlException exception)
        {
            throw new InvalidDataException($"coverage file {path} is not well-formed XML ({exception.Message}); delete it and collect coverage again", exception);
        }

        return Parse(document, path);
    }

    /// <summary>Reads a Cobertura document; <paramref name="sourceName"/> names it in errors.</summary>
    public static CoverageReport Parse(XDocument document, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Root is not { Name.LocalName: "coverage" } root)
        {
            throw new InvalidDataException(
                $"coverage file {sourceName} has root <{document.Root?.Name.LocalName}>, not <coverage>: it is not Cobertura XML (collect with --collect \"XPlat Code Coverage\")");
        }

        var sources = root.Element("sources")?.Elements("source").Select(source => source.Value.Trim()).Where(source => source.Length > 0).ToList() ?? [];
        var assemblies = root.Element("packages")?.Elements("package").Select(package => new AssemblyCoverage(
                (string?)package.Attribute("name") ?? string.Empty,
                package.Element("classes")?.Elements("class").Select(type => new ClassCoverage(
                        (string?)type.Attribute("name") ?? string.Empty,
                        SourcePath((string?)type.Attribute("filename") ?? string.Empty, sources),
                        type.Element("lines")?.Elements("line").Select(ReadLine).ToList() ?? []))
                    .ToList() ?? []))
            .ToList() ?? [];
        return CoverageReport.Merge([new CoverageReport(assemblies)]);
    }

    /// <summary>Writes <paramref name="report"/> whole (to a temporary file, then renamed), with absolute file names.</summary>
    public static async Task WriteAsync(CoverageReport report, string path, DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = ToXml(report, timestamp);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await using (var stream = File.Create(temporary))
        {
            await using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Async = true, Indent = true, Encoding = new UTF8Encoding(false) });
            await document.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static XDocument ToXml(CoverageReport report, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(report);
        var allLines = report.Assemblies.SelectMany(assembly => assembly.Classes).SelectMany(type => type.Lines).ToList();
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "coverage",
                Rates(report.LinesCovered, report.LinesValid, allLines),
                new XAttribute("lines-covered", report.LinesCovered),
                new XAttribute("lines-valid", report.LinesValid),
                new XAttribute("branches-covered", allLines.Sum(line => line.ConditionsCovered)),
                new XAttribute("branches-valid", allLines.Sum(line => line.ConditionsTotal)),
                new XAttribute("version", "1.9"),
                new XAttribute("timestamp", timestamp.ToUnixTimeSeconds()),
                new XElement("sources", new XElement("source", "/")),
                new XElement("packages", report.Assemblies.Select(Package))));
    }

    private static XElement Package(AssemblyCoverage assembly) =>
        new(
            "package",
            new XAttribute("name", assembly.Name),
            Rates(assembly.LinesCovered, assembly.LinesValid, assembly.Classes.SelectMany(type => type.Lines).ToList()),
            new XElement("classes", assembly.Classes.Select(Class)));

    private static XElement Class(ClassCoverage type) =>
        new(
            "class",
            new XAttribute("name", type.Name),
            new XAttribute("filename", type.File.TrimStart('/')),
            Rates(type.Lines.Count(line => line.IsCovered), type.Lines.Count, type.Lines),
            new XElement("methods"),
            new XElement("lines", type.Lines.Select(WriteLine)));

    private static XAttribute[] Rates(int covered, int valid, IReadOnlyList<CoverageLine> lines)
    {
        var conditions = lines.Sum(line => line.ConditionsTotal);
        return
        [
            new XAttribute("line-rate", Rate(covered, valid)),
            new XAttribute("branch-rate", Rate(lines.Sum(line => line.ConditionsCovered), conditions)),
        ];
    }

    private static string Rate(int covered, int valid) =>
        (valid == 0 ? 1m : Math.Round((decimal)covered / valid, 4)).ToString("0.####", CultureInfo.InvariantCulture);

    private static CoverageLine ReadLine(XElement line)
    {
        var number = int.Parse((string?)line.Attribute("number") ?? "0", CultureInfo.InvariantCulture);
        var hits = long.TryParse((string?)line.Attribute("hits"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        var conditions = ConditionCoverage().Match((string?)line.Attribute("condition-coverage") ?? string.Empty);
        return conditions.Success
            ? new CoverageLine(number, hits)
            {
                ConditionsCovered = int.Parse(conditions.Groups["covered"].Value, CultureInfo.InvariantCulture),
                ConditionsTotal = int.Parse(conditions.Groups["total"].Value, CultureInfo.InvariantCulture),
            }
            : new CoverageLine(number, hits);
    }

    private static XElement WriteLine(CoverageLine line) =>
        new(
            "line",
            new XAttribute("number", line.Number),
            new XAttribute("hits", line.Hits),
            new XAttribute("branch", line.IsBranch ? "True" : "False"),
            line.IsBranch
                ? new XAttribute(
                    "condition-coverage",
                    $"{CoveragePercent.Of(line.ConditionsCovered, line.ConditionsTotal).ToString("0", CultureInfo.InvariantCulture)}% ({line.ConditionsCovered}/{line.ConditionsTotal})")
                : null);

    /// <summary>coverlet writes file names relative to one of the <c>source</c> roots; the merge needs one absolute name per file.</summary>
    private static string SourcePath(string fileName, IReadOnlyList<string> sources)
    {
        if (Path.IsPathRooted(fileName) || sources.Count == 0)
        {
            return fileName;
        }

        var candidates = sources.Select(source => Path.GetFullPath(Path.Combine(source, fileName))).ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }

    [GeneratedRegex(@"\((?<covered>\d+)/(?<total>\d+)\)")]
    private static partial Regex ConditionCoverage();
}
