using Smoke.Testing.Running;

namespace Smoke.Testing.Tests.Running;

public sealed class TestSelectionTests
{
    private static readonly string[] Projects = ["/repo/tests/smoke/Smoke.Database.Tests/Smoke.Database.Tests.csproj", "/repo/tests/smoke/Smoke.Services.Tests/Smoke.Services.Tests.csproj"];

    [Fact]
    public void Full_mode_without_only_runs_every_test_of_every_project()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Full, []);

        Assert.Equal(["Smoke.Database.Tests", "Smoke.Services.Tests"], selection.Selected.Select(project => project.Name));
        Assert.All(selection.Selected, project => Assert.Null(project.Filter));
        Assert.Empty(selection.NotSelected);
    }

    [Fact]
    public void Quick_mode_selects_levels_1_and_2_and_critical_tests()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Quick, []);

        Assert.All(selection.Selected, project => Assert.Equal("Level=1|Level=2|Critical=true", project.Filter));
    }

    [Fact]
    public void Critical_mode_selects_only_critical_tests()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Critical, []);

        Assert.All(selection.Selected, project => Assert.Equal("Critical=true", project.Filter));
    }

    [Fact]
    public void Quick_mode_and_a_category_must_both_hold()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Quick, ["eventbus"]);

        Assert.All(selection.Selected, project => Assert.Equal("(Level=1|Level=2|Critical=true)&(Category=eventbus)", project.Filter));
        Assert.Equal(["eventbus"], selection.Categories);
    }

    [Fact]
    public void A_named_project_runs_whole_while_the_others_run_the_named_categories()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Full, ["smoke.services.tests", "database", "queue"]);

        Assert.Equal("Category=database|Category=queue", selection.Selected.Single(project => project.Name == "Smoke.Database.Tests").Filter);
        Assert.Null(selection.Selected.Single(project => project.Name == "Smoke.Services.Tests").Filter);
    }

    [Fact]
    public void Projects_not_named_are_left_out_when_only_names_projects()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Full, [Projects[1]]);

        Assert.Equal("Smoke.Services.Tests", Assert.Single(selection.Selected).Name);
        Assert.Equal(["Smoke.Database.Tests"], selection.NotSelected);
        Assert.Empty(selection.Categories);
    }

    [Fact]
    public void Filter_characters_in_a_category_are_taken_literally()
    {
        var selection = TestSelection.Choose(Projects, SmokeRunMode.Full, ["a|b(c)=d&e!f~g\\h"]);

        Assert.Equal(@"Category=a\|b\(c\)\=d\&e\!f\~g\\h", selection.Selected[0].Filter);
    }
}
