using System.Xml;
using System.Xml.Linq;
using Smoke.Tests.Shared;

namespace Smoke.Testing.Tests.Reports;

public sealed class HtmlReportTests(ReportFiles files) : IClassFixture<ReportFiles>
{
    private string Html => File.ReadAllText(files.Failed.Html);

    /// <summary>The whole file: any change to report.html shows up as a diff of Snapshots/report-*.html.</summary>
    [Fact]
    public void A_failed_run_s_report_matches_its_snapshot() =>
        Snapshot.Match("report-failed.html", File.ReadAllText(files.Failed.Html));

    [Fact]
    public void A_passed_run_s_report_matches_its_snapshot() =>
        Snapshot.Match("report-passed.html", File.ReadAllText(files.Passed.Html));

    [Fact]
    public void The_report_is_well_formed()
    {
        var document = Load(files.Failed.Html);

        Assert.Equal("html", document.Root!.Name.LocalName);
        Assert.Equal("Smoke failed · run-42", document.Descendants("head").Single().Element("title")!.Value);
        Assert.NotNull(Load(files.Passed.Html).Root);
    }

    [Fact]
    public void The_report_is_self_contained()
    {
        var document = Load(files.Failed.Html);

        Assert.DoesNotContain(document.Descendants(), element => element.Name.LocalName is "script" or "link" or "img" or "iframe" or "object" or "use");
        Assert.DoesNotContain(document.Descendants().Attributes(), attribute => attribute.Name.LocalName is "src" or "href" or "srcset");
        var style = string.Concat(document.Descendants("style").Select(element => element.Value));
        Assert.DoesNotContain("url(", style, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", style, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", style, StringComparison.Ordinal);
        // The only URL in the file is inside the hostile text, shown as text.
        var outsideHostileText = Html.Replace("http://evil.example", string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("http:", outsideHostileText, StringComparison.Ordinal);
        Assert.DoesNotContain("https:", outsideHostileText, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_text_is_escaped_everywhere_and_secrets_are_masked()
    {
        var document = Load(files.Failed.Html);

        Assert.DoesNotContain("<script>", Html, StringComparison.Ordinal);
        Assert.DoesNotContain("</details> ", Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;", Html, StringComparison.Ordinal);
        // Escaped text reads back as the original text.
        Assert.Contains(document.Descendants("pre"), pre => pre.Value.Contains(SampleRuns.Hostile, StringComparison.Ordinal));
        Assert.DoesNotContain(SampleRuns.Secret, Html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_has_the_summary_content_and_an_inline_svg_timeline()
    {
        var document = Load(files.Failed.Html);
        var headings = document.Descendants("h2").Select(heading => heading.Value).ToList();

        Assert.Equal("Smoke failed", document.Descendants("h1").Single().Value);
        Assert.Equal(["Timeline", "Failures", "Projects", "Flaky tests", "Services", "Targets", "Rollback decision", "Warnings"], headings);
        Assert.Contains(document.Descendants("p"), paragraph => paragraph.Value == "Tests: 4 passed, 2 failed, 1 skipped · 1 flaky");
        Assert.Equal(3, document.Descendants("section").Single(section => (string?)section.Attribute("id") == "projects").Descendants("table").Count());

        var svg = document.Descendants("svg").Single();
        var labels = svg.Descendants("text").Where(text => (string?)text.Attribute("class") == "label").Select(text => text.Value).ToList();
        Assert.Equal(
            ["ValidateConfig", "ComposeUp", "WaitHealthy", "SmokeTests", "postgres ready", "api ready", "generator-stub not ready", "Smoke.Database.Tests", "Smoke.Services.Tests", "Smoke.EventBus.Tests"],
            labels);
        Assert.Equal(4, svg.Descendants("rect").Count(rect => (string?)rect.Attribute("class") == "bar failed"));
    }

    /// <summary>Loading it as XML is the well-formedness check: every element closed, every entity known.</summary>
    internal static XDocument Load(string path)
    {
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }
}
