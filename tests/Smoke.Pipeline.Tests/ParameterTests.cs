namespace Smoke.Pipeline.Tests;

public sealed class ParameterTests : IDisposable
{
    private readonly BuildRun run = new();

    public void Dispose() => run.Dispose();

    [Fact]
    public async Task Sources_apply_highest_first_command_line_environment_later_profile_earlier_profile_parameters_json()
    {
        run.WriteParameters("""{ "Everywhere": "json", "NoCommandLine": "json", "ProfilesOnly": "json", "FileOnly": "json" }""");
        run.WriteParameters("""{ "Everywhere": "ci", "NoCommandLine": "ci", "ProfilesOnly": "ci" }""", "ci");
        run.WriteParameters("""{ "Everywhere": "local", "NoCommandLine": "local", "ProfilesOnly": "local" }""", "local");
        run.Environment["SMOKE_EVERYWHERE"] = "env";
        run.Environment["SMOKE_NO_COMMAND_LINE"] = "env";

        var exitCode = await run.RunAsync<ParameterBuild>("Show --everywhere cli --profile local ci");

        Assert.Equal(0, exitCode);
        Assert.Equal("cli", run.Journal.Values["Everywhere"]);
        Assert.Equal("env", run.Journal.Values["NoCommandLine"]);
        Assert.Equal("ci", run.Journal.Values["ProfilesOnly"]);
        Assert.Equal("json", run.Journal.Values["FileOnly"]);
        Assert.Equal("default", run.Journal.Values["Nowhere"]);
        Assert.Equal(new[] { "local", "ci" }, run.Journal.Values["Profile"]);
    }

    [Fact]
    public async Task Values_of_every_supported_type_are_parsed_and_names_ignore_case_and_dashes()
    {
        run.Environment["SMOKE_SERVICES"] = "api, worker";

        var exitCode = await run.RunAsync<ParameterBuild>("Show --CONFIGURATION release --retries 3 --waittimeout 1m30s --region eu --dry-run");

        Assert.Equal(0, exitCode);
        Assert.Equal(Configuration.Release, run.Journal.Values["Configuration"]);
        Assert.Equal(3, run.Journal.Values["Retries"]);
        Assert.Equal(TimeSpan.FromSeconds(90), run.Journal.Values["WaitTimeout"]);
        Assert.Equal(true, run.Journal.Values["DryRun"]);
        Assert.Equal(new[] { "api", "worker" }, run.Journal.Values["Services"]);
        Assert.Equal("eu", run.Journal.Values["Region"]);
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("2m", 120)]
    [InlineData("00:01:30", 90)]
    [InlineData("1h", 3600)]
    public async Task Durations_take_units_or_clock_form(string text, int seconds)
    {
        await run.RunAsync<ParameterBuild>($"Show --wait-timeout {text}");

        Assert.Equal(TimeSpan.FromSeconds(seconds), run.Journal.Values["WaitTimeout"]);
    }

    [Fact]
    public async Task An_option_given_twice_takes_its_last_value()
    {
        await run.RunAsync<ParameterBuild>("Show --retries 2 --services api worker --retries 5 --services db");

        Assert.Equal(5, run.Journal.Values["Retries"]);
        Assert.Equal(new[] { "db" }, run.Journal.Values["Services"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ci")]
    public async Task A_secret_in_a_parameters_file_is_refused_and_the_message_points_to_the_environment(string? profile)
    {
        run.WriteParameters("""{ "ApiToken": "hunter2-secret" }""", profile);

        var exitCode = await run.RunAsync<ParameterBuild>(profile is null ? "Show" : $"Show --profile {profile}");

        var file = profile is null ? ".nuke/parameters.json" : $".nuke/parameters.{profile}.json";
        Assert.Equal(2, exitCode);
        Assert.Contains(
            $"error: {file} sets the secret parameter 'ApiToken'; secrets are never read from a parameters file, in plain text or encrypted. "
            + $"Remove it from {file} and set SMOKE_API_TOKEN in the environment instead",
            run.Output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Journal.Values);
    }

    [Fact]
    public async Task A_bool_flag_does_not_swallow_a_following_target()
    {
        await run.RunAsync<ParameterBuild>("--dry-run Show");

        Assert.Equal(true, run.Journal.Values["DryRun"]);
    }

    [Fact]
    public async Task A_bad_value_names_the_parameter_the_source_and_the_expected_form_and_exits_2()
    {
        run.Environment["SMOKE_WAIT_TIMEOUT"] = "soon";

        var exitCode = await run.RunAsync<ParameterBuild>("Show");

        Assert.Equal(2, exitCode);
        Assert.Contains(
            "error: Parameter 'WaitTimeout' from environment variable SMOKE_WAIT_TIMEOUT: 'soon' is not valid; expected a duration such as 90s, 2m, 1h30m or 00:01:30.",
            run.Output,
            StringComparison.Ordinal);
        Assert.Empty(run.Journal.Values);
    }

    [Fact]
    public async Task A_bad_enum_value_in_parameters_json_lists_the_choices()
    {
        run.WriteParameters("""{ "Configuration": "Fast" }""");

        var exitCode = await run.RunAsync<ParameterBuild>("Show");

        Assert.Equal(2, exitCode);
        Assert.Contains("Parameter 'Configuration' from .nuke/parameters.json: 'Fast' is not valid; expected one of Debug, Release.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_is_invalid_usage_with_a_suggestion()
    {
        var exitCode = await run.RunAsync<ParameterBuild>("Show --retires 3");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Unknown option '--retires'. Did you mean '--retries'? Run with --help to list parameters.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_in_parameters_json_is_invalid_usage_with_a_suggestion()
    {
        run.WriteParameters("""{ "Retires": 3 }""");

        var exitCode = await run.RunAsync<ParameterBuild>("Show");

        Assert.Equal(2, exitCode);
        Assert.Contains(".nuke/parameters.json sets 'Retires', which is not a parameter of this build. Did you mean 'Retries'?", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_profile_file_is_invalid_usage_listing_the_profiles_there()
    {
        run.WriteParameters("{}", "ci");

        var exitCode = await run.RunAsync<ParameterBuild>("Show --profile cj");

        Assert.Equal(2, exitCode);
        Assert.Contains("Profile 'cj' has no file .nuke/parameters.cj.json", run.Output, StringComparison.Ordinal);
        Assert.Contains("Profiles there: ci.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_parameter_without_a_value_stops_the_build_before_anything_runs()
    {
        var exitCode = await run.RunAsync<ParameterBuild>("Show Deploy");

        Assert.Equal(2, exitCode);
        Assert.Empty(run.Journal.Values);
        Assert.Contains(
            "error: Target 'Deploy' requires the secret parameter 'ApiToken': set SMOKE_API_TOKEN or NUKE_API_TOKEN in the environment (a secret is never read from a parameters file).",
            run.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_required_condition_that_does_not_hold_names_the_condition_and_exits_2()
    {
        var exitCode = await run.RunAsync<ParameterBuild>("Gate");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Target 'Gate' cannot run: requirement not met: Retries > 1.", run.Lines);
        Assert.Empty(run.Journal.Ran);
        Assert.Equal(0, await run.RunAsync<ParameterBuild>("Gate --retries 2"));
    }

    [Fact]
    public async Task A_requirement_with_an_explicit_reason_reports_that_reason()
    {
        var exitCode = await run.RunAsync<ParameterBuild>("Unavailable");

        Assert.Equal(2, exitCode);
        Assert.Contains("error: Target 'Unavailable' cannot run: requirement not met: the stack targets, which are not yet available.", run.Lines);
    }

    [Fact]
    public async Task Secret_values_are_masked_in_log_lines_errors_and_tool_output()
    {
        run.Environment["SMOKE_API_TOKEN"] = "hunter2-secret";

        var exitCode = await run.RunAsync<ParameterBuild>("Leak");

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
        Assert.Contains("token is ***", run.Lines);
        Assert.Contains("error: request with *** was refused", run.Lines);
        Assert.Contains("tool says ***", run.Lines);
    }

    [Fact]
    public async Task The_schema_of_parameters_json_is_written_and_left_alone_when_unchanged()
    {
        await run.RunAsync<ParameterBuild>("Show");
        var path = Path.Combine(run.Root, ".nuke", "build.schema.json");
        var schema = await File.ReadAllTextAsync(path);
        var written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddHours(-1));

        await run.RunAsync<ParameterBuild>("Show");

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(path));
        using var document = System.Text.Json.JsonDocument.Parse(schema);
        var properties = document.RootElement.GetProperty("properties");
        Assert.Equal(["Debug", "Release"], properties.GetProperty("Configuration").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", properties.GetProperty("Retries").GetProperty("type").GetString());
        Assert.Equal("#/definitions/Target", properties.GetProperty("Skip").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(
            ["Show", "Leak", "Gate", "Unavailable", "Deploy"],
            document.RootElement.GetProperty("definitions").GetProperty("Target").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
