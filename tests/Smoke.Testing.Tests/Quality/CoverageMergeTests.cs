using System.Xml.Linq;
using Smoke.Testing.Quality;

namespace Smoke.Testing.Tests.Quality;

/// <summary>Merging Cobertura files of several test projects, and the gate's thresholds, on hand-written files.</summary>
public sealed class CoverageMergeTests
{
    private static CoverageReport Cobertura(string package, string file, params (int Line, int Hits)[] lines) =>
        CoberturaFile.Parse(
            XDocument.Parse($"""
                <coverage line-rate="0" branch-rate="0" version="1.9" timestamp="0">
                  <sources><source>/src/</source></sources>
                  <packages><package name="{package}"><classes>
                    <class name="{package}.Type" filename="{file}">
                      <methods />
                      <lines>{string.Concat(lines.Select(line => $"<line number=\"{line.Line}\" hits=\"{line.Hits}\" branch=\"False\" />"))}</lines>
                    </class>
                  </classes></package></packages>
                </coverage>
                """),
            "test.xml");

    [Fact]
    public void A_line_is_covered_when_any_test_project_covered_it()
    {
        var pipelineTests = Cobertura("Smoke.Pipeline", "Smoke.Pipeline/Target.cs", (1, 3), (2, 0), (3, 0));
        var buildTests = Cobertura("Smoke.Pipeline", "Smoke.Pipeline/Target.cs", (1, 0), (2, 5), (3, 0));

        var merged = CoverageReport.Merge([pipelineTests, buildTests]);

        var assembly = Assert.Single(merged.Assemblies);
        Assert.Equal(3, assembly.LinesValid);
        Assert.Equal(2, assembly.LinesCovered);
        Assert.Equal([3], Assert.Single(assembly.Files).UncoveredLines);
        Assert.Equal([3L, 5L, 0L], assembly.Classes.Single().Lines.Select(line => line.Hits));
    }

    [Fact]
    public void Relative_file_names_are_resolved_against_the_source_root_so_projects_agree_on_a_file()
    {
        var merged = CoverageReport.Merge([Cobertura("Smoke.Stack", "Smoke.Stack/Client.cs", (1, 1)), Cobertura("Smoke.Stack", "Smoke.Stack/Client.cs", (2, 0))]);

        var file = Assert.Single(merged.Files);
        Assert.Equal("/src/Smoke.Stack/Client.cs", file.Path);
        Assert.Equal(2, file.LinesValid);
    }

    [Fact]
    public void Assemblies_only_some_projects_load_are_kept_and_Only_keeps_the_measured_ones()
    {
        var merged = CoverageReport.Merge([Cobertura("Smoke.Stack", "a.cs", (1, 1)), Cobertura("Smoke.Stack.Tests", "b.cs", (1, 1))]);

        Assert.Equal(["Smoke.Stack", "Smoke.Stack.Tests"], merged.Assemblies.Select(assembly => assembly.Name));
        Assert.Equal(["Smoke.Stack"], merged.Only(["smoke.stack"]).Assemblies.Select(assembly => assembly.Name));
    }

    [Fact]
    public void Each_assembly_is_held_to_its_own_threshold_and_one_nobody_measured_fails()
    {
        var merged = CoverageReport.Merge([
            Cobertura("Smoke.Pipeline", "p.cs", (1, 1), (2, 1), (3, 1), (4, 0)),
            Cobertura("Smoke.Stack", "s.cs", (1, 1), (2, 1), (3, 0), (4, 0)),
        ]);
        var thresholds = CoverageThresholds.Parse(75m, ["Smoke.Stack=50"]);

        var result = CoverageGate.Evaluate(merged, ["Smoke.Pipeline", "Smoke.Stack", "Smoke.GitHub"], thresholds);

        Assert.True(result.Assemblies.Single(a => a.Assembly == "Smoke.Pipeline").Passed);
        Assert.True(result.Assemblies.Single(a => a.Assembly == "Smoke.Stack").Passed);
        var missing = Assert.Single(result.Failed);
        Assert.Equal("Smoke.GitHub", missing.Assembly);
        Assert.Contains("no coverage data", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Coverage_just_under_the_threshold_fails_even_when_it_would_round_up()
    {
        var lines = Enumerable.Range(1, 10000).Select(line => (line, line <= 8499 ? 1 : 0)).ToArray();
        var result = CoverageGate.Evaluate(Cobertura("Smoke.Stack", "s.cs", lines), ["Smoke.Stack"], new CoverageThresholds(85m));

        Assert.False(result.Passed);
        Assert.Contains("84.9%", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Smoke.Stack")]
    [InlineData("Smoke.Stack=lots")]
    [InlineData("Smoke.Stack=101")]
    public void A_malformed_threshold_is_refused_with_the_expected_form(string entry) =>
        Assert.Throws<ArgumentException>(() => CoverageThresholds.Parse(85m, [entry]));

    [Fact]
    public void Not_Cobertura_is_refused_naming_the_file() =>
        Assert.Contains("other.xml", Assert.Throws<InvalidDataException>(() => CoberturaFile.Parse(XDocument.Parse("<TestRun />"), "other.xml")).Message, StringComparison.Ordinal);
}
