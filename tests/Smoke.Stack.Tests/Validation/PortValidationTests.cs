using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class PortValidationTests
{
    [Fact]
    public async Task Two_publications_of_one_host_port_collide_but_random_ports_and_other_protocols_do_not()
    {
        var report = await ValidationCorpus.ValidateAsync("host-port-collision.yml");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.HostPortCollision, problem.Rule));
        Assert.Equal([10, 18], report.Problems.Lines());
        Assert.StartsWith("host port 8080/tcp is published by both \"api\" (line 5) and \"worker\"", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("host port 9090/tcp is published by service \"generator\" twice (also line 15)", report.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ports_published_beyond_loopback_are_warnings_with_the_loopback_spelling()
    {
        var report = await ValidationCorpus.ValidateAsync("port-not-on-loopback.yml");

        Assert.All(report.Problems, problem =>
        {
            Assert.Equal(ConfigRule.PortNotOnLoopback, problem.Rule);
            Assert.Equal(ConfigProblemSeverity.Warning, problem.Severity);
        });
        Assert.Equal([5, 6, 7, 12], report.Problems.Lines());
        Assert.Contains("container port 8080 on every network interface", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("as \"127.0.0.1:8080:8080\"", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("as \"127.0.0.1::5432\"", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("on 192.168.1.10", report.Problems[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ports_published_beyond_loopback_are_errors_in_the_ci_profile()
    {
        var report = await ValidationCorpus.ValidateAsync("port-not-on-loopback.yml", "ci");

        Assert.Equal(4, report.Problems.Count);
        Assert.All(report.Problems, problem => Assert.Equal(ConfigProblemSeverity.Error, problem.Severity));
        Assert.Contains("(an error in the ci profile)", report.Problems[0].Message, StringComparison.Ordinal);
    }
}
