using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Smoke.Build.Docs;

/// <summary>
/// Renders docs/*.md into a static site with a sidebar taken from the lists of links in docs/index.md, and checks it strictly:
/// broken relative links, missing anchors, pages left out of the navigation and navigation entries without a page.
/// </summary>
internal static partial class DocsSite
{
    public const string IndexPage = "index.md";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseAdvancedExtensions()
        .Build();

    /// <param name="rootDirectory">The repository root; problems name files relative to it.</param>
    /// <param name="docsDirectory">The folder whose *.md files are the pages; other files in it are copied as they are.</param>
    /// <param name="outputDirectory">Emptied, then filled with one .html per page and style.css.</param>
    public static DocsSiteResult Build(string rootDirectory, string docsDirectory, string outputDirectory)
    {
        var problems = new List<SourceProblem>();
        var pages = Directory.EnumerateFiles(docsDirectory, "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path => Parse(rootDirectory, path))
            .ToDictionary(p => p.FileName, StringComparer.Ordinal);

        var navigation = new List<NavigationEntry>();
        if (pages.TryGetValue(IndexPage, out var index))
        {
            navigation.AddRange(Navigation(index));
            CheckNavigation(index, navigation, pages, problems);
        }
        else
        {
            problems.Add(new SourceProblem(Display(rootDirectory, Path.Combine(docsDirectory, IndexPage)), null,
                "the docs have no index.md; add one with a list of links to every page, which becomes the navigation"));
        }

        // A navigation entry without a page is reported as such, not a second time as a broken link.
        var reported = navigation.Where(e => !pages.ContainsKey(e.Page)).Select(e => (IndexPage, e.Line)).ToHashSet();
        foreach (var page in pages.Values)
        {
            CheckLinks(rootDirectory, docsDirectory, page, pages, problems.Add, reported);
        }

        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }

        Directory.CreateDirectory(outputDirectory);
        CopyAssets(docsDirectory, outputDirectory);
        File.WriteAllText(Path.Combine(outputDirectory, "style.css"), SiteLayout.Stylesheet);
        foreach (var page in pages.Values)
        {
            RewriteLinks(page, docsDirectory, outputDirectory, pages);
            var body = page.Document.ToHtml(Pipeline);
            File.WriteAllText(Path.Combine(outputDirectory, page.HtmlFileName), SiteLayout.Page(page, body, navigation, pages));
        }

        return new DocsSiteResult(problems, [.. pages.Values.Select(p => p.HtmlFileName)]);
    }

    private static DocsPage Parse(string rootDirectory, string path)
    {
        var document = Markdown.Parse(File.ReadAllText(path), Pipeline);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in document.Descendants())
        {
            if (block is HeadingBlock heading && heading.GetAttributes().Id is { Length: > 0 } id)
            {
                anchors.Add(id);
            }
            else if (block is HtmlBlock html)
            {
                foreach (Match match in HtmlId().Matches(html.Lines.ToString()))
                {
                    anchors.Add(match.Groups["id"].Value);
                }
            }
            else if (block is HtmlInline inline)
            {
                foreach (Match match in HtmlId().Matches(inline.Tag))
                {
                    anchors.Add(match.Groups["id"].Value);
                }
            }
        }

        var title = document.Descendants<HeadingBlock>().FirstOrDefault(h => h.Level == 1) is { Inline: { } inlineTitle }
            ? PlainText(inlineTitle)
            : Path.GetFileNameWithoutExtension(path);
        return new DocsPage(Path.GetFileName(path), Display(rootDirectory, path), document, title, anchors);
    }

    private static IEnumerable<NavigationEntry> Navigation(DocsPage index)
    {
        string? group = null;
        foreach (var block in index.Document.Descendants())
        {
            if (block is HeadingBlock { Level: > 1 } heading && heading.Inline is { } text)
            {
                group = PlainText(text);
            }
            else if (block is ListItemBlock item)
            {
                var link = item.OfType<ParagraphBlock>().FirstOrDefault()?.Inline?.Descendants<LinkInline>()
                    .FirstOrDefault(l => !l.IsImage && LocalPage(l.Url) is not null);
                if (link is not null)
                {
                    yield return new NavigationEntry(group, PlainText(link), LocalPage(link.Url)!, link.Line + 1);
                }
            }
        }
    }

    private static void CheckNavigation(DocsPage index, List<NavigationEntry> navigation, Dictionary<string, DocsPage> pages, List<SourceProblem> problems)
    {
        foreach (var entry in navigation.Where(e => !pages.ContainsKey(e.Page)))
        {
            problems.Add(new SourceProblem(index.DisplayPath, entry.Line,
                $"navigation entry \"{entry.Title}\" links to {entry.Page}, which is not a page of the docs; add the page or remove the entry"));
        }

        var listed = navigation.Select(e => e.Page).ToHashSet(StringComparer.Ordinal);
        foreach (var page in pages.Values.Where(p => p.FileName != IndexPage && !listed.Contains(p.FileName)))
        {
            problems.Add(new SourceProblem(page.DisplayPath, 1,
                $"page is not in the navigation; add \"- [{page.Title}]({page.FileName})\" to a list in {index.DisplayPath}"));
        }
    }

    private static void CheckLinks(
        string rootDirectory,
        string docsDirectory,
        DocsPage page,
        Dictionary<string, DocsPage> pages,
        Action<SourceProblem> report,
        HashSet<(string Page, int Line)> alreadyReported)
    {
        foreach (var link in page.Document.Descendants<LinkInline>())
        {
            if (!IsRelative(link.Url) || alreadyReported.Contains((page.FileName, link.Line + 1)))
            {
                continue;
            }

            var (path, anchor) = Split(link.Url!);
            var line = link.Line + 1;
            var kind = link.IsImage ? "image" : "link";
            if (path.Length == 0)
            {
                if (anchor is { Length: > 0 } && !page.Anchors.Contains(anchor))
                {
                    report(new SourceProblem(page.DisplayPath, line, $"{kind} to #{anchor}: this page has no such anchor{Closest(anchor, page.Anchors)}"));
                }

                continue;
            }

            var fullPath = Path.GetFullPath(Path.Combine(docsDirectory, path));
            if (!File.Exists(fullPath) && !Directory.Exists(fullPath))
            {
                report(new SourceProblem(page.DisplayPath, line,
                    $"{kind} to \"{link.Url}\" is broken: {Display(rootDirectory, fullPath)} does not exist; fix the path or add the file"));
                continue;
            }

            if (anchor is { Length: > 0 } && IsPage(docsDirectory, fullPath) && pages.TryGetValue(Path.GetFileName(fullPath), out var target)
                && !target.Anchors.Contains(anchor))
            {
                report(new SourceProblem(page.DisplayPath, line,
                    $"{kind} to \"{link.Url}\" names the anchor #{anchor}, which {target.DisplayPath} does not have{Closest(anchor, target.Anchors)}"));
            }
        }
    }

    /// <summary>Pages link to pages as .md (so the files read well on GitHub); the site needs .html, and files outside the docs relative to the site.</summary>
    private static void RewriteLinks(DocsPage page, string docsDirectory, string outputDirectory, Dictionary<string, DocsPage> pages)
    {
        foreach (var link in page.Document.Descendants<LinkInline>().Where(l => IsRelative(l.Url)))
        {
            var (path, anchor) = Split(link.Url!);
            if (path.Length == 0)
            {
                continue;
            }

            var fullPath = Path.GetFullPath(Path.Combine(docsDirectory, path));
            var suffix = anchor is null ? "" : "#" + anchor;
            if (IsPage(docsDirectory, fullPath) && pages.TryGetValue(Path.GetFileName(fullPath), out var target))
            {
                link.Url = target.HtmlFileName + suffix;
            }
            else if (!IsInside(docsDirectory, fullPath))
            {
                link.Url = Path.GetRelativePath(outputDirectory, fullPath).Replace('\\', '/') + suffix;
            }
        }
    }

    private static void CopyAssets(string docsDirectory, string outputDirectory)
    {
        foreach (var file in Directory.EnumerateFiles(docsDirectory, "*", SearchOption.AllDirectories))
        {
            if (IsPage(docsDirectory, file))
            {
                continue;
            }

            var destination = Path.Combine(outputDirectory, Path.GetRelativePath(docsDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string? LocalPage(string? url)
    {
        if (!IsRelative(url))
        {
            return null;
        }

        var (path, _) = Split(url!);
        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !path.Contains('/', StringComparison.Ordinal) ? path : null;
    }

    private static bool IsRelative(string? url) =>
        !string.IsNullOrEmpty(url) && !UrlScheme().IsMatch(url) && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith('/');

    private static (string Path, string? Anchor) Split(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        path = Uri.UnescapeDataString(query < 0 ? path : path[..query]);
        return (path, hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]));
    }

    private static bool IsPage(string docsDirectory, string fullPath) =>
        fullPath.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && string.Equals(Path.GetDirectoryName(fullPath), Path.GetFullPath(docsDirectory).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);

    private static bool IsInside(string directory, string fullPath) =>
        !Path.GetRelativePath(directory, fullPath).StartsWith("..", StringComparison.Ordinal);

    private static string Display(string rootDirectory, string path) => Path.GetRelativePath(rootDirectory, path).Replace('\\', '/');

    private static string Closest(string anchor, IReadOnlySet<string> anchors)
    {
        var best = anchors
            .Select(a => (Anchor: a, Distance: Smoke.Shared.EditDistance.Between(anchor, a, ignoreCase: false)))
            .Where(c => c.Distance <= Math.Max(2, anchor.Length / 3))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Anchor, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Anchor is null ? "" : $" (did you mean #{best.Anchor}?)";
    }

    private static string PlainText(ContainerInline inline) =>
        string.Concat(inline.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        })).Trim();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex UrlScheme();

    [GeneratedRegex("""\b(?:id|name)\s*=\s*["'](?<id>[^"']+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlId();
}
