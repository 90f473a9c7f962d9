using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class BundledPlatformValidationTests
{
    private static ComposeValidationRequest DevRequest => new()
    {
        ComposeFile = BundledPlatform.ComposeFile,
        Profile = "dev",
        EnvFiles = [BundledPlatform.DevEnvFile],
    };

    [Fact]
    public async Task The_bundled_platform_validates_clean_in_the_dev_profile()
    {
        var report = await ComposeValidator.ValidateAsync(DevRequest);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task The_bundled_platform_validates_clean_in_ci_when_ci_is_treated_as_a_throwaway_stack()
    {
        var report = await ComposeValidator.ValidateAsync(DevRequest with { Profile = "ci", IsDevProfile = true });

        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task The_dev_env_file_in_a_non_dev_profile_is_reported_variable_by_variable()
    {
        var report = await ComposeValidator.ValidateAsync(DevRequest with { Profile = "staging" });

        Assert.Equal(
            ["POSTGRES_PASSWORD", "RABBITMQ_PASSWORD", "SAMPLE_API_TOKEN", "SAMPLE_READONLY_TOKEN"],
            report.Problems.Select(problem => problem.Message.Split(' ')[0]));
        Assert.All(report.Problems, problem => Assert.Equal((ConfigRule.DefaultCredential, BundledPlatform.DevEnvFile), (problem.Rule, problem.File)));
    }
}
