using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class ConfigProblemFormatterTests
{
    [Fact]
    public void A_problem_with_a_position_reads_like_a_compiler_message_relative_to_the_root()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var problem = new ConfigProblem(ConfigProblemSeverity.Error, ConfigRule.DependencyCycle, "dependency cycle a -> b -> a",
            Path.Combine(root, "docker-compose.services.yml"), 12, 5);

        Assert.Equal(
            "docker-compose.services.yml:12:5: error SMK012: dependency cycle a -> b -> a",
            ConfigProblemFormatter.ToConsoleLine(problem, root));
    }

    [Fact]
    public void A_problem_without_a_line_or_a_file_leaves_them_out()
    {
        var wholeFile = new ConfigProblem(ConfigProblemSeverity.Warning, ConfigRule.EnvFileMalformedLine, "bad", ".env.ci", null, null);
        var noFile = new ConfigProblem(ConfigProblemSeverity.Error, ConfigRule.RequiredVariableMissing, "missing", null, null, null);

        Assert.Equal(".env.ci: warning SMK031: bad", ConfigProblemFormatter.ToConsoleLine(wholeFile));
        Assert.Equal("error SMK032: missing", ConfigProblemFormatter.ToConsoleLine(noFile));
    }

    [Fact]
    public void A_message_for_the_build_log_leaves_the_location_and_severity_to_the_host()
    {
        var problem = new ConfigProblem(ConfigProblemSeverity.Error, ConfigRule.DependencyCycle, "dependency cycle a -> b -> a", "/repo/broken.yml", 5, 9);

        var message = ConfigProblemFormatter.ToHostMessage(problem);

        Assert.Equal("SMK012: dependency cycle a -> b -> a", message);
        Assert.DoesNotContain("broken.yml", message, StringComparison.Ordinal);
    }
}
