using Markdig.Syntax;

namespace Smoke.Build.Docs;

/// <summary>A parsed docs/*.md page: its anchors (heading ids and HTML ids) are what links to <c>page.md#anchor</c> may name.</summary>
internal sealed record DocsPage(string FileName, string DisplayPath, MarkdownDocument Document, string Title, IReadOnlySet<string> Anchors)
{
    public string HtmlFileName => Path.ChangeExtension(FileName, ".html");
}
