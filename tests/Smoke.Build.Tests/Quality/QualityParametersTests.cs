using System.Text.Json;
using Smoke.Testing.Quality;

namespace Smoke.Build.Tests.Quality;

/// <summary>The gates Smoke holds itself to, as .nuke/parameters.json sets them: a typo there would break every ./build.sh Test.</summary>
public sealed class QualityParametersTests
{
    private static JsonElement Parameters() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".nuke", "parameters.json"))).RootElement;

    private static string[] Strings(JsonElement parameters, string name) =>
        parameters.TryGetProperty(name, out var values) ? values.EnumerateArray().Select(value => value.GetString()!).ToArray() : [];

    [Fact]
    public void The_coverage_thresholds_Smoke_sets_for_itself_are_valid_and_name_our_libraries()
    {
        var parameters = Parameters();
        var threshold = parameters.GetProperty("CoverageThreshold").GetInt32();

        var thresholds = CoverageThresholds.Parse(threshold, Strings(parameters, "CoverageThresholds"));

        Assert.InRange(threshold, 1, 100);
        var libraries = Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "src")).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(thresholds.PerAssembly.Keys, assembly => Assert.Contains(assembly, libraries));
    }

    [Fact]
    public void The_smoke_budgets_are_valid_and_name_listed_smoke_projects()
    {
        var parameters = Parameters();
        var projects = Strings(parameters, "SmokeProjects").Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var budgets = SuiteBudgets.Parse(
            parameters.TryGetProperty("ProjectBudget", out var budget) ? budget.GetString()! : "60s/120s",
            parameters.TryGetProperty("SmokeTestsBudget", out var total) ? total.GetString()! : "2m/5m",
            Strings(parameters, "ProjectBudgets"));

        Assert.All(budgets.PerProject.Keys, project => Assert.Contains(project, projects));
    }
}
