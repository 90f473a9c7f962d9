using Smoke.Build.Docs;

namespace Smoke.Build.Tests.Docs;

public sealed class DocsSiteTests : IDisposable
{
    private const string Index = """
        # Fixture

        Welcome.

        ## Guides

        - [Getting started](start.md): the first steps.
        - [Reference](reference.md)

        ## More

        - [Extras](extras.md)
        """;

    private readonly DocsFolder docs = new();

    public void Dispose() => docs.Dispose();

    [Fact]
    public void A_good_docs_folder_builds_a_site_with_navigation_and_no_problems()
    {
        docs.Page("index.md", Index)
            .Page("start.md", """
                # Getting started

                See [the options](reference.md#command-line-options), [below](#next-steps) and [the readme](../README.md).

                ![diagram](images/flow.svg)

                ## Next steps

                | Step | Meaning |
                | --- | --- |
                | one | `first` |
                """)
            .Page("reference.md", "# Reference\n\n## Command-line options\n\n<a id=\"custom\"></a>Text.\n")
            .Page("extras.md", "# Extras\n\nBack to [the reference](reference.md#custom).\n")
            .Page("images/flow.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        File.WriteAllText(Path.Combine(docs.Root, "README.md"), "# Readme\n");

        var result = docs.Build();

        Assert.Empty(result.Problems);
        Assert.Equal(["extras.html", "index.html", "reference.html", "start.html"], result.Pages.Order(StringComparer.Ordinal));
        var start = docs.Html("start.html");
        Assert.Contains("href=\"reference.html#command-line-options\"", start, StringComparison.Ordinal);
        Assert.Contains("href=\"#next-steps\"", start, StringComparison.Ordinal);
        Assert.Contains("href=\"../../README.md\"", start, StringComparison.Ordinal);
        Assert.Contains("id=\"next-steps\"", start, StringComparison.Ordinal);
        Assert.Contains("<table>", start, StringComparison.Ordinal);
        Assert.Contains("<title>Getting started · Smoke</title>", start, StringComparison.Ordinal);
        Assert.Contains("<h2>Guides</h2>", start, StringComparison.Ordinal);
        Assert.Contains("<a href=\"start.html\" class=\"current\" aria-current=\"page\">Getting started</a>", start, StringComparison.Ordinal);
        Assert.Contains("<a href=\"extras.html\">Extras</a>", start, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(docs.OutputDirectory, "style.css")));
        Assert.True(File.Exists(Path.Combine(docs.OutputDirectory, "images", "flow.svg")));
    }

    [Fact]
    public void The_site_loads_nothing_from_other_sites()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n").Page("page.md", "# Page\n\n```mermaid\ngraph LR\n  A --> B\n```\n");

        docs.Build();

        foreach (var file in Directory.GetFiles(docs.OutputDirectory, "*.*"))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_broken_link_is_reported_with_its_file_and_line()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n")
            .Page("page.md", "# Page\n\nIntro.\n\nSee [the guide](guide.md) for more.\n");

        var problem = Assert.Single(docs.Build().Problems);

        Assert.Equal("docs/page.md", problem.File);
        Assert.Equal(5, problem.Line);
        Assert.Contains("\"guide.md\" is broken: docs/guide.md does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_image_is_reported_with_its_file_and_line()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n").Page("page.md", "# Page\n\n![flow](images/missing.png)\n");

        var problem = Assert.Single(docs.Build().Problems);

        Assert.Equal(("docs/page.md", 3), (problem.File, problem.Line));
        Assert.StartsWith("image to \"images/missing.png\" is broken", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_missing_anchor_is_reported_with_the_closest_anchor_the_page_has()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n- [Engine](engine.md)\n")
            .Page("engine.md", "# Engine\n\n## Parameters\n\nText.\n")
            .Page("page.md", "# Page\n\nRead [parameters](engine.md#paramters).\n");

        var problem = Assert.Single(docs.Build().Problems);

        Assert.Equal(("docs/page.md", 3), (problem.File, problem.Line));
        Assert.Contains("names the anchor #paramters, which docs/engine.md does not have (did you mean #parameters?)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_missing_anchor_on_the_same_page_is_reported()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n").Page("page.md", "# Page\n\n## Usage\n\nSee [usage](#usage) and [setup](#setup).\n");

        var problem = Assert.Single(docs.Build().Problems);

        Assert.Equal(("docs/page.md", 5), (problem.File, problem.Line));
        Assert.StartsWith("link to #setup: this page has no such anchor", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_missing_from_the_navigation_is_reported_on_that_page()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n").Page("page.md", "# Page\n").Page("orphan.md", "# Orphan\n");

        var problem = Assert.Single(docs.Build().Problems);

        Assert.Equal(("docs/orphan.md", 1), (problem.File, problem.Line));
        Assert.Contains("not in the navigation; add \"- [Orphan](orphan.md)\" to a list in docs/index.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_navigation_entry_without_a_page_is_reported_on_the_index_line()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n- [Gone](gone.md)\n").Page("page.md", "# Page\n");

        var problems = docs.Build().Problems;

        var entry = Assert.Single(problems, p => p.Message.StartsWith("navigation entry", StringComparison.Ordinal));
        Assert.Equal(("docs/index.md", 4), (entry.File, entry.Line));
        Assert.Contains("\"Gone\" links to gone.md, which is not a page of the docs", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Docs_without_an_index_page_are_reported()
    {
        docs.Page("page.md", "# Page\n");

        var problem = Assert.Single(docs.Build().Problems);

        Assert.Equal("docs/index.md", problem.File);
        Assert.Contains("no index.md", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        docs.Page("index.md", "# Home\n\n- [A](a.md)\n- [Gone](gone.md)\n")
            .Page("a.md", "# A\n\n[one](x.md)\n\n[two](a.md#nowhere)\n")
            .Page("b.md", "# B\n");

        var problems = docs.Build().Problems.Select(p => $"{p.File}:{p.Line}").Order(StringComparer.Ordinal);

        Assert.Equal(["docs/a.md:3", "docs/a.md:5", "docs/b.md:1", "docs/index.md:4"], problems);
    }

    [Fact]
    public void Links_to_other_sites_are_not_checked_or_rewritten()
    {
        docs.Page("index.md", "# Home\n\n- [Page](page.md)\n").Page("page.md", "# Page\n\n[NUKE](https://nuke.build/docs/) and <mailto:team@example.com>\n");

        Assert.Empty(docs.Build().Problems);
        Assert.Contains("href=\"https://nuke.build/docs/\"", docs.Html("page.html"), StringComparison.Ordinal);
    }
}
