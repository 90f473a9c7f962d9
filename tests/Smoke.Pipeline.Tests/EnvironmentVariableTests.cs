namespace Smoke.Pipeline.Tests;

public sealed class EnvironmentVariableTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task A_bare_variable_named_like_a_parameter_is_not_read_and_is_named_once_without_its_value()
    {
        run.Environment["ENVIRONMENT"] = "production";
        run.Environment["RELEASE"] = "v41";

        var exitCode = await run.RunAsync<EnvironmentBuild>("Show");

        Assert.Equal(0, exitCode);
        Assert.Equal("none", run.Journal.Values["Environment"]);
        Assert.Null(run.Journal.Values["Release"]);
        var notice = Assert.Single(run.Lines, line => line.Contains("ENVIRONMENT", StringComparison.Ordinal));
        Assert.Equal(
            "ignoring environment variables ENVIRONMENT, RELEASE: parameters read only prefixed names (SMOKE_ENVIRONMENT, SMOKE_RELEASE) "
            + "or options (--environment, --release), never a name other tools set for their own reasons (docs/parameters.md)",
            notice);
        Assert.DoesNotContain("production", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("v41", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SMOKE_ENVIRONMENT")]
    [InlineData("smoke_environment")]
    [InlineData("Smoke_Environment")]
    [InlineData("NUKE_ENVIRONMENT")]
    [InlineData("nuke_environment")]
    [InlineData("SMOKE_DRY_RUN", "DryRun")]
    [InlineData("SMOKE_DRYRUN", "DryRun")]
    [InlineData("smoke_DryRun", "DryRun")]
    [InlineData("NUKE_DRY_RUN", "DryRun")]
    [InlineData("nuke_dryrun", "DryRun")]
    [InlineData("Nuke_DryRun", "DryRun")]
    public async Task A_prefixed_name_is_read_in_any_case_and_underscore_spelling(string variable, string parameter = "Environment")
    {
        run.Environment[variable] = parameter == "DryRun" ? "true" : "staging";

        var exitCode = await run.RunAsync<EnvironmentBuild>("Show");

        Assert.Equal(0, exitCode);
        Assert.Equal(parameter == "DryRun" ? true : "staging", run.Journal.Values[parameter]);
        Assert.DoesNotContain("ignoring", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SMOKE_wins_over_NUKE_which_wins_over_an_opted_in_unprefixed_name()
    {
        run.Environment["REGISTRY_TOKEN"] = "from-platform";
        run.Environment["NUKE_REGISTRY_TOKEN"] = "from-nuke";
        run.Environment["SMOKE_ENVIRONMENT"] = "staging";
        run.Environment["NUKE_ENVIRONMENT"] = "production";

        await run.RunAsync<EnvironmentBuild>("Show");

        Assert.Equal("from-nuke", run.Journal.Values["RegistryToken"]);
        Assert.Equal("staging", run.Journal.Values["Environment"]);
    }

    [Fact]
    public async Task A_parameter_that_opts_in_reads_its_unprefixed_variable_and_help_says_so()
    {
        run.Environment["REGISTRY_TOKEN"] = "t0ken-value";

        await run.RunAsync<EnvironmentBuild>("Show");
        Assert.Equal("t0ken-value", run.Journal.Values["RegistryToken"]);

        await run.RunAsync<EnvironmentBuild>("--help");
        Assert.Contains(
            "= ***  (from environment variable REGISTRY_TOKEN; env SMOKE_REGISTRY_TOKEN or NUKE_REGISTRY_TOKEN or REGISTRY_TOKEN)",
            run.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("t0ken-value", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_names_the_spelling_a_value_came_from_and_only_prefixed_names_for_the_others()
    {
        run.Environment["smoke_environment"] = "staging";

        await run.RunAsync<EnvironmentBuild>("--help");

        Assert.Contains("= staging  (from environment variable smoke_environment; env SMOKE_ENVIRONMENT or NUKE_ENVIRONMENT)", run.Output, StringComparison.Ordinal);
        Assert.Contains("= (not set)  (default; env SMOKE_RELEASE or NUKE_RELEASE)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_spellings_with_the_same_prefix_that_disagree_stop_the_build_naming_both()
    {
        run.Environment["SMOKE_ENVIRONMENT"] = "staging";
        run.Environment["smoke_environment"] = "production";

        var exitCode = await run.RunAsync<EnvironmentBuild>("Show");

        Assert.Equal(2, exitCode);
        Assert.Contains(
            "error: Parameter 'Environment' is set by SMOKE_ENVIRONMENT and smoke_environment with different values; keep one of them, or pass --environment to override them.",
            run.Lines);
        Assert.Empty(run.Journal.Values);
    }

    [Fact]
    public async Task An_empty_variable_counts_as_not_set_so_the_next_source_applies()
    {
        run.WriteParameters("""{ "DryRun": true }""");
        run.Environment["SMOKE_DRY_RUN"] = "";
        run.Environment["SMOKE_ENVIRONMENT"] = "";
        run.Environment["NUKE_ENVIRONMENT"] = "staging";

        var exitCode = await run.RunAsync<EnvironmentBuild>("Show");

        Assert.Equal(0, exitCode);
        Assert.Equal(true, run.Journal.Values["DryRun"]);
        Assert.Equal("staging", run.Journal.Values["Environment"]);
    }

    [Fact]
    public async Task An_array_variable_is_comma_separated_with_items_trimmed_and_empty_items_dropped()
    {
        run.Environment["SMOKE_SERVICES"] = "api, worker,,db ";

        await run.RunAsync<EnvironmentBuild>("Show");

        Assert.Equal(new[] { "api", "worker", "db" }, run.Journal.Values["Services"]);
    }
}
