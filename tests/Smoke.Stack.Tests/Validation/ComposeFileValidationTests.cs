using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class ComposeFileValidationTests
{
    [Fact]
    public async Task A_YAML_syntax_error_is_reported_at_the_parser_position()
    {
        var report = await ValidationCorpus.ValidateAsync("yaml-syntax-error.yml");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.YamlSyntax, problem.Rule);
        Assert.Equal(ConfigProblemSeverity.Error, problem.Severity);
        Assert.Equal(ValidationCorpus.PathOf("yaml-syntax-error.yml"), problem.File);
        Assert.Equal(7, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Contains("yaml-syntax-error.yml is not valid YAML", problem.Message, StringComparison.Ordinal);
        Assert.Contains("indentation", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unclosed_flow_sequence_is_a_syntax_error_with_a_position()
    {
        var report = await ValidationCorpus.ValidateAsync("yaml-unclosed-flow.yml");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.YamlSyntax, problem.Rule);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public async Task A_duplicate_key_is_a_syntax_error_at_the_second_key()
    {
        var report = await ValidationCorpus.ValidateAsync("yaml-duplicate-key.yml");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.YamlSyntax, problem.Rule);
        Assert.Equal(4, problem.Line);
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_problems_are_still_reported_when_the_compose_file_does_not_parse()
    {
        var report = await ValidationCorpus.ValidateAsync("yaml-syntax-error.yml", "dev", "no-such-profile.env");

        Assert.Equal([ConfigRule.YamlSyntax, ConfigRule.EnvFileMissing], report.Problems.Select(problem => problem.Rule).Order());
    }

    [Fact]
    public async Task A_missing_compose_file_is_an_error_naming_the_path()
    {
        var report = await ValidationCorpus.ValidateAsync("no-such-compose.yml");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.ComposeFileUnusable, problem.Rule);
        Assert.Contains("no-such-compose.yml does not exist", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-compose-file.yml", "its top level must be a mapping")]
    [InlineData("no-services.yml", "has no services: key")]
    public async Task A_file_without_services_is_not_a_compose_file(string file, string expected)
    {
        var report = await ValidationCorpus.ValidateAsync(file);

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.ComposeFileUnusable, problem.Rule);
        Assert.Equal(1, problem.Line);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_with_neither_image_nor_build_is_an_error_at_its_name()
    {
        var report = await ValidationCorpus.ValidateAsync("no-image-or-build.yml");

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.NoImageOrBuild, problem.Rule);
        Assert.Equal((4, 3), (problem.Line, problem.Column));
        Assert.StartsWith("service \"worker\" has neither image: nor build:", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dependency_on_an_unknown_service_is_reported_in_list_and_map_form_with_a_suggestion()
    {
        var report = await ValidationCorpus.ValidateAsync("unknown-dependency.yml");

        var unknown = report.Only(ConfigRule.UnknownDependency);
        Assert.Equal([7, 13], unknown.Lines());
        Assert.Contains("service \"api\" depends on \"postgress\", which is not a service in this file (did you mean \"postgres\"?)",
            unknown[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"rabbit\"", unknown[1].Message, StringComparison.Ordinal);

        var condition = Assert.Single(report.Only(ConfigRule.MalformedEntry));
        Assert.Equal(16, condition.Line);
        Assert.Contains("condition \"service_ready\"", condition.Message, StringComparison.Ordinal);
        Assert.Equal(3, report.Problems.Count);
    }

    [Fact]
    public async Task Dependency_cycles_are_named_once_each_at_the_entry_that_closes_them()
    {
        var report = await ValidationCorpus.ValidateAsync("dependency-cycle.yml");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.DependencyCycle, problem.Rule));
        Assert.Equal([13, 18], report.Problems.Lines());
        Assert.StartsWith("dependency cycle api -> worker -> generator -> api:", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("dependency cycle loner -> loner:", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_health_needs_a_healthcheck_a_disabled_one_is_an_error_a_missing_one_a_warning()
    {
        var report = await ValidationCorpus.ValidateAsync("healthy-without-healthcheck.yml");

        Assert.Equal(2, report.Problems.Count);
        var missing = report.Problems[0];
        Assert.Equal((ConfigRule.HealthyWithoutHealthcheck, ConfigProblemSeverity.Warning, 15), (missing.Rule, missing.Severity, missing.Line));
        Assert.Contains("\"postgres\" defines no healthcheck here", missing.Message, StringComparison.Ordinal);
        Assert.Contains("its image has a HEALTHCHECK", missing.Message, StringComparison.Ordinal);
        var disabled = report.Problems[1];
        Assert.Equal((ConfigRule.HealthyWithoutHealthcheck, ConfigProblemSeverity.Error, 17), (disabled.Rule, disabled.Severity, disabled.Line));
        Assert.Contains("\"migrate\" disables its healthcheck", disabled.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Durations_that_do_not_parse_are_errors_with_a_hint()
    {
        var report = await ValidationCorpus.ValidateAsync("invalid-durations.yml");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.InvalidDuration, problem.Rule));
        Assert.Equal([7, 8, 13], report.Problems.Lines());
        Assert.StartsWith("healthcheck interval of service \"api\" is \"10\", which is not a duration", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("(\"10s\" for 10 seconds)", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("\"5 s\"", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("stop_grace_period of service \"worker\" is \"forever\"", report.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_docker_compose_1_29_rejects_are_warnings_naming_the_version_that_needs_them()
    {
        var report = await ValidationCorpus.ValidateAsync("needs-compose-v2.yml");

        Assert.All(report.Problems, problem =>
        {
            Assert.Equal(ConfigRule.NeedsComposeV2, problem.Rule);
            Assert.Equal(ConfigProblemSeverity.Warning, problem.Severity);
            Assert.Contains("docker-compose 1.29 rejects the whole file", problem.Message, StringComparison.Ordinal);
        });
        Assert.Equal([1, 8, 14], report.Problems.Lines());
        Assert.Contains("top-level name: needs Compose v2", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("start_interval of service \"postgres\" needs Compose v2.24", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("required: of service \"api\" needs Compose v2 (v2.20", report.Problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_keys_give_services_their_image_ports_and_labels()
    {
        var report = await ValidationCorpus.ValidateAsync("merge-keys.yml");

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ConfigRule.WaitOnUnpublishedPort, 17), (problem.Rule, problem.Line));
        Assert.Contains("service \"worker\" waits on container port 9090", problem.Message, StringComparison.Ordinal);
    }
}
