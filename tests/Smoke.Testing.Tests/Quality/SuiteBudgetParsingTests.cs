using Smoke.Testing.Quality;

namespace Smoke.Testing.Tests.Quality;

public sealed class SuiteBudgetParsingTests
{
    [Theory]
    [InlineData("30s/60s", 30, 60)]
    [InlineData("2m/5m", 120, 300)]
    [InlineData("1m30s/2m", 90, 120)]
    [InlineData("500ms/1s", 0.5, 1)]
    [InlineData("00:00:30 / 00:01:00", 30, 60)]
    public void Budgets_read_target_and_maximum_as_the_build_writes_durations(string text, double target, double maximum)
    {
        var budget = SuiteBudget.Parse(text, "test");

        Assert.Equal(TimeSpan.FromSeconds(target), budget.Target);
        Assert.Equal(TimeSpan.FromSeconds(maximum), budget.Maximum);
    }

    [Theory]
    [InlineData("30s")]
    [InlineData("soon/later")]
    [InlineData("60s/30s")]
    [InlineData("0s/30s")]
    public void A_malformed_budget_is_refused_with_the_expected_form(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => SuiteBudget.Parse(text, "SmokeTests.Database"));

        Assert.Contains("SmokeTests.Database", error.Message, StringComparison.Ordinal);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Projects_without_an_override_get_the_default_and_names_match_in_any_case()
    {
        var budgets = SuiteBudgets.Parse("60s/120s", "2m/5m", ["SmokeTests.Database=30s/60s"]);

        Assert.Equal(TimeSpan.FromSeconds(60), budgets.For("smoketests.database").Maximum);
        Assert.Equal(TimeSpan.FromSeconds(120), budgets.For("SmokeTests.Services").Maximum);
        Assert.Equal(TimeSpan.FromMinutes(5), budgets.Total.Maximum);
    }

    [Fact]
    public void An_override_without_a_project_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => SuiteBudgets.Parse("60s/120s", "2m/5m", ["30s/60s"]));

        Assert.Contains("Project=target/maximum", error.Message, StringComparison.Ordinal);
    }
}
