using Smoke.Stack.Validation;

namespace Smoke.Stack.Tests.Validation;

public sealed class VariableValidationTests
{
    private static Task<ConfigValidationReport> ValidateVariablesAsync() =>
        ComposeValidator.ValidateAsync(new ComposeValidationRequest
        {
            ComposeFile = ValidationCorpus.PathOf("variables.yml"),
            EnvFiles = [ValidationCorpus.PathOf("variables.env")],
            Environment = new Dictionary<string, string> { ["FROM_ENVIRONMENT"] = "set in the environment" },
        });

    [Fact]
    public async Task Variables_without_a_value_or_default_are_reported_once_each_at_their_first_use()
    {
        var report = await ValidateVariablesAsync();

        Assert.All(report.Problems, problem => Assert.Equal(ConfigRule.VariableWithoutValue, problem.Rule));
        var byVariable = report.Problems.ToDictionary(problem => problem.Message.Split(' ')[1], problem => problem.Line);
        Assert.Equal(
            new Dictionary<string, int?>
            {
                ["API_IMAGE"] = 3,
                ["UNSET_PLAIN"] = 5,
                ["UNSET_BRACED"] = 6,
                ["API_TOKEN"] = 10,
                ["EMPTY_VALUE"] = 11,
                ["UNSET_INNER"] = 14,
            },
            byVariable);
    }

    [Fact]
    public async Task A_missing_variable_points_at_the_reference_and_lists_its_other_uses()
    {
        var report = await ValidateVariablesAsync();

        var image = report.Problems.Single(problem => problem.Message.StartsWith("variable API_IMAGE ", StringComparison.Ordinal));
        Assert.Equal((3, 12), (image.Line, image.Column));
        Assert.EndsWith("(also used on line 18)", image.Message, StringComparison.Ordinal);
        Assert.Contains("no value in profile \"dev\" and no default", image.Message, StringComparison.Ordinal);
        Assert.Contains("set it in variables.env or in the environment", image.Message, StringComparison.Ordinal);

        var braced = report.Problems.Single(problem => problem.Message.StartsWith("variable UNSET_BRACED ", StringComparison.Ordinal));
        Assert.Equal((6, 22), (braced.Line, braced.Column));
        Assert.EndsWith("(also used on line 19)", braced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_variables_quote_the_compose_file_message_and_say_whether_unset_or_empty()
    {
        var report = await ValidateVariablesAsync();

        var token = report.Problems.Single(problem => problem.Message.StartsWith("variable API_TOKEN ", StringComparison.Ordinal));
        Assert.Equal((10, 17), (token.Line, token.Column));
        Assert.Contains("is required (\"set the API token from the secret store\") but is not set", token.Message, StringComparison.Ordinal);
        var empty = report.Problems.Single(problem => problem.Message.StartsWith("variable EMPTY_VALUE ", StringComparison.Ordinal));
        Assert.Contains("is required but is empty", empty.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_substitutions_are_errors_that_explain_the_dollar_escape()
    {
        var report = await ValidationCorpus.ValidateAsync("invalid-interpolation.yml");

        Assert.All(report.Problems, problem =>
        {
            Assert.Equal(ConfigRule.InvalidInterpolation, problem.Rule);
            Assert.Contains("Write $$ for a literal '$'", problem.Message, StringComparison.Ordinal);
        });
        Assert.Equal([5, 6, 7, 8], report.Problems.Lines());
        Assert.Contains("does not start with a variable name", report.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("without a closing '}'", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("a lone '$' ends \"costs 5$\"", report.Problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("has '/http/https' after the variable name", report.Problems[3].Message, StringComparison.Ordinal);
    }
}
