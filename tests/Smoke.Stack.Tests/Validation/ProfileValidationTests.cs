using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class ProfileValidationTests
{
    private static readonly string[] DevelopmentSecrets = ["sample-dev-password", "dev-api-token", "dev-readonly-token", "guest"];

    private static Task<ConfigValidationReport> ValidateBundledAsync(
        string profile, string envFile, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? required = null) =>
        ComposeValidator.ValidateAsync(new ComposeValidationRequest
        {
            ComposeFile = BundledPlatform.ComposeFile,
            Profile = profile,
            EnvFiles = [ValidationCorpus.PathOf(envFile)],
            Environment = environment ?? new Dictionary<string, string>(),
            RequiredVariables = required ?? [],
        });

    [Fact]
    public async Task A_missing_env_file_is_an_error_naming_it()
    {
        var report = await ValidateBundledAsync("staging", "no-such-profile.env");

        var missing = Assert.Single(report.Only(ConfigRule.EnvFileMissing));
        Assert.Equal(ValidationCorpus.PathOf("no-such-profile.env"), missing.File);
        Assert.Contains("no-such-profile.env does not exist", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_env_file_lines_are_warnings_and_the_good_lines_still_count()
    {
        var report = await ComposeValidator.ValidateAsync(new ComposeValidationRequest
        {
            ComposeFile = ValidationCorpus.PathOf("no-image-or-build.yml"),
            EnvFiles = [ValidationCorpus.PathOf("malformed.env")],
            RequiredVariables = ["GOOD", "EXPORTED"],
        });

        var malformed = report.Only(ConfigRule.EnvFileMalformedLine);
        Assert.Equal([5, 6, 7], malformed.Lines());
        Assert.All(malformed, problem =>
        {
            Assert.Equal(ConfigProblemSeverity.Warning, problem.Severity);
            Assert.Equal(ValidationCorpus.PathOf("malformed.env"), problem.File);
        });
        Assert.Empty(report.Only(ConfigRule.RequiredVariableMissing));
    }

    [Fact]
    public async Task Required_variables_must_be_set_and_not_empty()
    {
        var report = await ValidateBundledAsync(
            "staging",
            "staging-clean.env",
            new Dictionary<string, string> { ["EMPTY_ONE"] = "" },
            ["SAMPLE_API_TOKEN", "DEPLOY_KEY", "EMPTY_ONE"]);

        var missing = report.Only(ConfigRule.RequiredVariableMissing);
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, problem => problem.Message.StartsWith(
            "required variable DEPLOY_KEY is not set in profile \"staging\": set it in staging-clean.env or in the environment", StringComparison.Ordinal));
        Assert.Contains(missing, problem => problem.Message.StartsWith(
            "required variable EMPTY_ONE is empty (the environment)", StringComparison.Ordinal));
        Assert.False(report.HasErrors && report.Errors.Any(problem => problem.Rule != ConfigRule.RequiredVariableMissing));
    }

    [Fact]
    public async Task Default_and_development_credentials_are_errors_in_staging_at_the_env_file_line()
    {
        var report = await ValidateBundledAsync("staging", "staging-defaults.env");

        var credentials = report.Only(ConfigRule.DefaultCredential);
        Assert.All(credentials, problem =>
        {
            Assert.Equal(ConfigProblemSeverity.Error, problem.Severity);
            Assert.Equal(ValidationCorpus.PathOf("staging-defaults.env"), problem.File);
        });
        Assert.Equal([3, 6, 7], credentials.Lines());
        Assert.StartsWith(
            "service \"postgres\" gets PostgreSQL's well-known default user and password in POSTGRES_USER/POSTGRES_PASSWORD " +
            "(from POSTGRES_USER at staging-defaults.env:2 and POSTGRES_PASSWORD at staging-defaults.env:3) in profile \"staging\"",
            credentials[0].Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "service \"rabbitmq\" gets RabbitMQ's well-known default user and password in RABBITMQ_DEFAULT_USER/RABBITMQ_DEFAULT_PASS " +
            "(from RABBITMQ_USER at staging-defaults.env:5 and RABBITMQ_PASSWORD at staging-defaults.env:6)",
            credentials[1].Message, StringComparison.Ordinal);
        Assert.StartsWith(
            "SAMPLE_API_TOKEN (staging-defaults.env:7) holds the development value of SAMPLE_API_TOKEN from .env.dev in profile \"staging\"",
            credentials[2].Message, StringComparison.Ordinal);
        Assert.All(report.Problems, problem =>
            Assert.DoesNotContain(DevelopmentSecrets, secret => problem.Message.Contains(secret, StringComparison.Ordinal)));
        Assert.Equal(credentials.Count, report.Errors.Count());
    }

    [Fact]
    public async Task Development_credentials_are_fine_in_the_dev_profile()
    {
        var report = await ValidateBundledAsync("dev", "staging-defaults.env");

        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_staging_profile_with_its_own_secrets_validates_clean()
    {
        var report = await ValidateBundledAsync("staging", "staging-clean.env");

        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_development_token_from_the_environment_is_an_error_at_its_use_in_the_compose_file()
    {
        var report = await ValidateBundledAsync(
            "staging", "staging-clean.env", new Dictionary<string, string> { ["SAMPLE_API_TOKEN"] = "dev-api-token" });

        var problem = Assert.Single(report.Problems);
        Assert.Equal(ConfigRule.DefaultCredential, problem.Rule);
        Assert.Equal(BundledPlatform.ComposeFile, problem.File);
        Assert.StartsWith("SAMPLE_API_TOKEN (the environment) holds the development value", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("dev-api-token", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_credentials_written_into_the_compose_file_are_errors_at_the_entry()
    {
        var report = await ValidationCorpus.ValidateAsync("literal-default-credentials.yml", "staging");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.DefaultCredential, problem.Rule));
        Assert.Equal([5, 10], report.Problems.Lines());
        Assert.Contains("(from DB_PASSWORD, unset, so the compose file's default)", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("(written into the compose file)", report.Problems[1].Message, StringComparison.Ordinal);
    }
}
