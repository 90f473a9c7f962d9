using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class SmokeLabelValidationTests
{
    [Fact]
    public async Task Unknown_smoke_labels_are_errors_with_a_suggestion_in_map_and_list_form()
    {
        var report = await ValidationCorpus.ValidateAsync("unknown-smoke-label.yml");

        var unknown = report.Only(ConfigRule.UnknownSmokeLabel);
        Assert.Equal([7, 12, 13], unknown.Lines());
        Assert.Contains("label io.smoke.wait.htpp, which Smoke does not know and ignores (did you mean \"io.smoke.wait.http\"?)",
            unknown[0].Message, StringComparison.Ordinal);
        Assert.Contains("(did you mean \"io.smoke.critical\"?)", unknown[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("did you mean", unknown[2].Message, StringComparison.Ordinal);
        Assert.Contains("known: io.smoke.wait.http, io.smoke.wait.tcp", unknown[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_list_entry_written_as_a_mapping_is_malformed()
    {
        var report = await ValidationCorpus.ValidateAsync("unknown-smoke-label.yml");

        var malformed = Assert.Single(report.Only(ConfigRule.MalformedEntry));
        Assert.Equal(17, malformed.Line);
        Assert.StartsWith("a labels: entry of service \"generator\" is not \"key=value\"", malformed.Message, StringComparison.Ordinal);
        Assert.Equal(4, report.Problems.Count);
    }

    [Fact]
    public async Task Smoke_label_values_of_the_wrong_shape_are_errors_saying_what_is_expected()
    {
        var report = await ValidationCorpus.ValidateAsync("invalid-smoke-label-values.yml");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.InvalidSmokeLabelValue, problem.Rule));
        Assert.Equal([8, 9, 10, 11, 12, 16, 17], report.Problems.Lines());
        string[] expected =
        [
            "label io.smoke.wait.http of service \"api\" is \"8080healthz\": expected <port>/<path>",
            "label io.smoke.wait.tcp of service \"api\" is \"postgres\": expected a container port",
            "label io.smoke.wait.log of service \"api\" is \"ready ([unclosed\": not a valid .NET regular expression",
            "label io.smoke.wait.timeout of service \"api\" is \"soon\": expected a positive duration",
            "label io.smoke.critical of service \"api\" is \"yes\": expected \"true\" or \"false\"",
            "label io.smoke.oneshot of service \"migrate\" is \"1\": expected \"true\" or \"false\"",
            "label io.smoke.wait.timeout of service \"migrate\" is \"0s\": expected a positive duration",
        ];
        Assert.All(expected.Zip(report.Problems), pair => Assert.StartsWith(pair.First, pair.Second.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_on_a_port_the_service_does_not_publish_is_an_error()
    {
        var report = await ValidationCorpus.ValidateAsync("wait-on-unpublished-port.yml");

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.WaitOnUnpublishedPort, problem.Rule));
        Assert.Equal([7, 13], report.Problems.Lines());
        Assert.Contains("service \"postgres\" waits on container port 5433, but the service publishes only container port 5432",
            report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("add \"127.0.0.1::5433\" to its ports", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("but the service publishes no ports", report.Problems[1].Message, StringComparison.Ordinal);
    }
}
