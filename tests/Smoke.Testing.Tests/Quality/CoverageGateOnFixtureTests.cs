using Smoke.Testing.Quality;

namespace Smoke.Testing.Tests.Quality;

/// <summary>
/// The gate on Fixture.Covered, measured by coverlet through a real <c>dotnet test --collect "XPlat Code Coverage"</c>:
/// its tests call Add and not Subtract, so exactly 4 of its 8 lines are covered.
/// </summary>
[Collection(QualityFixtureRunsCollection.Name)]
public sealed class CoverageGateOnFixtureTests(QualityFixtureRuns fixtures)
{
    private async Task<CoverageGateResult> GateAsync(decimal threshold)
    {
        var report = await CoberturaFile.ReadAsync(fixtures.CoverageFile, CancellationToken.None);
        return CoverageGate.Evaluate(report, ["Fixture.Covered"], new CoverageThresholds(threshold));
    }

    [Fact]
    public async Task The_fixture_has_the_coverage_its_tests_give_it()
    {
        var result = await GateAsync(50m);

        var assembly = Assert.Single(result.Assemblies).Coverage!;
        Assert.Equal(8, assembly.LinesValid);
        Assert.Equal(4, assembly.LinesCovered);
        Assert.Equal(50m, assembly.LinePercent);
        var file = Assert.Single(assembly.Files);
        Assert.EndsWith("Arithmetic.cs", file.Path, StringComparison.Ordinal);
        Assert.True(File.Exists(file.Path), $"the file name is resolved against coverlet's source roots: {file.Path}");
    }

    [Fact]
    public async Task The_gate_passes_at_or_below_the_measured_coverage()
    {
        Assert.True((await GateAsync(50m)).Passed);
        Assert.True((await GateAsync(49m)).Passed);
    }

    [Fact]
    public async Task The_gate_fails_above_the_measured_coverage_naming_the_assembly_and_its_numbers()
    {
        var result = await GateAsync(51m);

        Assert.False(result.Passed);
        Assert.Contains("Fixture.Covered: 50.0% of 8 lines, 4 covered (threshold 51%)", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_page_names_the_least_covered_file_and_its_uncovered_lines()
    {
        var result = await GateAsync(51m);
        var root = Path.GetFullPath(Path.Combine(fixtures.CoverageFile, "..", "..", ".."));

        var html = CoverageHtml.Render(result, root);

        var least = Assert.Single(result.LeastCovered(CoverageHtml.LeastCoveredCount));
        Assert.Equal([13, 14, 15, 16], least.UncoveredLines);
        Assert.Contains("Arithmetic.cs", html, StringComparison.Ordinal);
        Assert.Contains("13-16", html, StringComparison.Ordinal);
        Assert.Contains("Coverage gate failed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_merged_file_written_and_read_back_keeps_every_line()
    {
        var report = await CoberturaFile.ReadAsync(fixtures.CoverageFile, CancellationToken.None);
        var path = Path.Combine(fixtures.NewDirectory("merged-coverage"), "coverage.cobertura.xml");

        await CoberturaFile.WriteAsync(CoverageReport.Merge([report, report]), path, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var back = await CoberturaFile.ReadAsync(path, CancellationToken.None);

        Assert.Equal(8, back.LinesValid);
        Assert.Equal(4, back.LinesCovered);
        Assert.Equal(report.Files.Single().Path, back.Files.Single().Path);
        Assert.Equal(2, back.Assemblies.Single().Classes.Single().Lines.First().Hits);
    }
}
