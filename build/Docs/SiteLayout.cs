using System.Text;

namespace Smoke.Build.Docs;

/// <summary>The HTML around each page: a sidebar of the navigation, grouped by the headings of docs/index.md, and one stylesheet with no external fonts or scripts.</summary>
internal static class SiteLayout
{
    public const string SiteName = "Smoke";

    public static string Page(DocsPage page, string bodyHtml, IReadOnlyList<NavigationEntry> navigation, IReadOnlyDictionary<string, DocsPage> pages)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(page.FileName == DocsSite.IndexPage ? SiteName : $"{page.Title} · {SiteName}")).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<nav class=\"sidebar\">\n")
            .Append("<a class=\"site\" href=\"index.html\">").Append(SiteName).Append("</a>\n");

        foreach (var group in navigation.GroupBy(e => e.Group))
        {
            if (group.Key is { } title)
            {
                html.Append("<h2>").Append(Encode(title)).Append("</h2>\n");
            }

            html.Append("<ul>\n");
            foreach (var entry in group.Where(e => pages.ContainsKey(e.Page)))
            {
                var target = pages[entry.Page];
                var current = target.FileName == page.FileName ? " class=\"current\" aria-current=\"page\"" : "";
                html.Append("<li><a href=\"").Append(Encode(target.HtmlFileName)).Append('"').Append(current).Append('>')
                    .Append(Encode(entry.Title)).Append("</a></li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</nav>\n<main class=\"content\">\n").Append(bodyHtml).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal);

    public const string Stylesheet = """
        :root {
          --text: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0969da; --code: #f6f8fa; --side: #f6f8fa;
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
          color: var(--text); line-height: 1.55;
        }
        * { box-sizing: border-box; }
        body { margin: 0; display: flex; min-height: 100vh; }
        .sidebar { width: 16rem; flex: none; padding: 1.25rem 1rem; background: var(--side); border-right: 1px solid var(--line);
          position: sticky; top: 0; height: 100vh; overflow-y: auto; }
        .sidebar .site { display: block; font-weight: 700; font-size: 1.2rem; color: var(--text); text-decoration: none; margin-bottom: 1rem; }
        .sidebar h2 { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 1.2rem 0 .3rem; }
        .sidebar ul { list-style: none; margin: 0; padding: 0; }
        .sidebar li a { display: block; padding: .2rem .5rem; border-radius: 6px; color: var(--text); text-decoration: none; }
        .sidebar li a:hover { background: #e7ecf0; }
        .sidebar li a.current { background: var(--accent); color: #fff; }
        .content { flex: 1; min-width: 0; max-width: 56rem; padding: 2rem 3rem 4rem; }
        a { color: var(--accent); }
        h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 .6em; }
        h1 { margin-top: 0; font-size: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3em; }
        h2 { font-size: 1.45rem; border-bottom: 1px solid var(--line); padding-bottom: .25em; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: var(--code);
          padding: .1em .35em; border-radius: 4px; }
        pre { background: var(--code); padding: 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.4; }
        pre code { background: none; padding: 0; }
        table { border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
        th, td { border: 1px solid var(--line); padding: .4rem .75rem; text-align: left; vertical-align: top; }
        th { background: var(--code); }
        blockquote { margin: 1rem 0; padding: 0 1rem; color: var(--muted); border-left: 4px solid var(--line); }
        img { max-width: 100%; }
        @media (max-width: 48rem) {
          body { display: block; }
          .sidebar { position: static; width: auto; height: auto; border-right: none; border-bottom: 1px solid var(--line); }
          .content { padding: 1.5rem 1rem 3rem; }
        }

        """;
}
