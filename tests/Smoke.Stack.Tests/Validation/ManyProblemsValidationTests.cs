using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class ManyProblemsValidationTests
{
    [Fact]
    public async Task Every_problem_of_a_broken_file_is_reported_in_one_run_in_reading_order()
    {
        var report = await ValidationCorpus.ValidateAsync("many-problems.yml", "ci");

        Assert.Equal(
            [
                (1, ConfigRule.NeedsComposeV2),
                (6, ConfigRule.VariableWithoutValue),
                (8, ConfigRule.PortNotOnLoopback),
                (10, ConfigRule.WaitOnUnpublishedPort),
                (11, ConfigRule.NoImageOrBuild),
                (13, ConfigRule.InvalidInterpolation),
                (15, ConfigRule.HealthyWithoutHealthcheck),
                (17, ConfigRule.UnknownDependency),
                (25, ConfigRule.InvalidDuration),
                (27, ConfigRule.UnknownSmokeLabel),
                (28, ConfigRule.InvalidSmokeLabelValue),
                (32, ConfigRule.DependencyCycle),
                (34, ConfigRule.HostPortCollision),
            ],
            report.Problems.Select(problem => (problem.Line ?? 0, problem.Rule)));
        Assert.Equal(2, report.Warnings.Count());
        Assert.True(report.HasErrors);
        Assert.All(report.Problems, problem => Assert.Equal(ValidationCorpus.PathOf("many-problems.yml"), problem.File));
    }
}
