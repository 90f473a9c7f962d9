using Smoke.Build.Docs;
using Smoke.Pipeline;

namespace Smoke.Build.Tests.Docs;

public sealed class ReferencePagesTests : IDisposable
{
    private readonly DocsFolder docs = new();

    public void Dispose() => docs.Dispose();

    [Fact]
    public void The_checked_in_targets_and_parameters_pages_match_the_build()
    {
        var pages = ReferencePages.Render(BuildDescription.Of<Build>());

        var problems = ReferencePages.Check(RepositoryRoot.Path, Path.Combine(RepositoryRoot.Path, "docs"), pages, "run ./build.sh Docs and commit the pages");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_targets_page_lists_every_target_with_its_edges()
    {
        var page = ReferencePages.Render(BuildDescription.Of<FixtureBuild>())[ReferencePages.TargetsPage];

        Assert.StartsWith("<!-- Generated from the build by ./build.sh Docs", page, StringComparison.Ordinal);
        Assert.Contains("| [Compile](#compile) | Compile \\| everything |", page, StringComparison.Ordinal);
        Assert.Contains("## Compile\n\nCompile | everything.\n\n- Depends on: [Restore](#restore)\n", page, StringComparison.Ordinal);
        Assert.Contains("- Triggered by: [Compile](#compile)\n", page, StringComparison.Ordinal);
        Assert.Contains("- Runs even after a failure or Ctrl+C (assured).\n", page, StringComparison.Ordinal);
        Assert.Contains("- Hidden from `--help`; still invocable.\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parameters_page_shows_sources_and_defaults_but_never_a_secret_nor_the_generating_machine()
    {
        var page = ReferencePages.Render(BuildDescription.Of<FixtureBuild>())[ReferencePages.ParametersPage];

        Assert.Contains("| `--wait-timeout <duration>` | `SMOKE_WAIT_TIMEOUT`, `NUKE_WAIT_TIMEOUT` | `00:01:30` | How long to wait for \\<service\\> readiness |", page, StringComparison.Ordinal);
        Assert.Contains("| `--workers <number>` | `SMOKE_WORKERS`, `NUKE_WORKERS` | `the core count` | Builds at once |", page, StringComparison.Ordinal);
        Assert.Contains("| `--registry-token <text>` (secret) |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("default-token-value", page, StringComparison.Ordinal);
        Assert.Contains("| `--skip <text>...` | `SMOKE_SKIP`, `NUKE_SKIP` |", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_pages_render_with_every_link_and_anchor_intact()
    {
        var pages = ReferencePages.Render(BuildDescription.Of<FixtureBuild>());
        ReferencePages.Write(docs.DocsDirectory, pages);
        docs.Page("index.md", "# Home\n\n- [Targets](targets.md)\n- [Parameters](parameters.md)\n- [Engine](engine.md)\n")
            .Page("engine.md", "# Engine\n\n## Planning\n\n## Parameters\n");

        var result = docs.Build();

        Assert.Empty(result.Problems);
        Assert.Contains("How long to wait for &lt;service&gt; readiness", docs.Html("parameters.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_page_is_reported_at_its_first_differing_line()
    {
        var pages = ReferencePages.Render(BuildDescription.Of<FixtureBuild>());
        ReferencePages.Write(docs.DocsDirectory, pages);
        var path = Path.Combine(docs.DocsDirectory, ReferencePages.TargetsPage);
        var lines = File.ReadAllLines(path);
        lines[4] = "Edited by hand.";
        File.WriteAllLines(path, lines);

        var problem = Assert.Single(ReferencePages.Check(docs.Root, docs.DocsDirectory, pages, "run ./build.sh Docs"));

        Assert.Equal(("docs/targets.md", 5), (problem.File, problem.Line));
        Assert.Contains("stale", problem.Message, StringComparison.Ordinal);
        Assert.EndsWith("run ./build.sh Docs", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_page_is_reported_and_writing_creates_only_what_changed()
    {
        var pages = ReferencePages.Render(BuildDescription.Of<FixtureBuild>());

        var missing = ReferencePages.Check(docs.Root, docs.DocsDirectory, pages, "fix");
        var firstWrite = ReferencePages.Write(docs.DocsDirectory, pages);
        var secondWrite = ReferencePages.Write(docs.DocsDirectory, pages);

        Assert.Equal(["docs/parameters.md", "docs/targets.md"], missing.Select(p => p.File));
        Assert.Equal([ReferencePages.ParametersPage, ReferencePages.TargetsPage], firstWrite);
        Assert.Empty(secondWrite);
        Assert.Empty(ReferencePages.Check(docs.Root, docs.DocsDirectory, pages, "fix"));
    }
}
