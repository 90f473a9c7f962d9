using Smoke.JUnit.TestLogger.Options;

namespace Smoke.JUnit.TestLogger.Tests.Options;

public sealed class JUnitLoggerOptionsTests
{
    private static JUnitLoggerOptions Parse(params (string Name, string? Value)[] parameters) =>
        JUnitLoggerOptions.FromParameters(parameters.ToDictionary(p => p.Name, p => p.Value));

    [Fact]
    public void Without_parameters_the_defaults_apply()
    {
        var options = Parse(("TestRunDirectory", "/repo/TestResults"), ("TargetFramework", ".NETCoreApp,Version=v10.0"));

        Assert.Null(options.LogFilePath);
        Assert.Null(options.LogFileName);
        Assert.Equal("/repo/TestResults", options.ResultsDirectory);
        Assert.Equal(".NETCoreApp,Version=v10.0", options.TargetFramework);
        Assert.Equal(MethodFormat.Default, options.MethodFormat);
        Assert.Equal(FailureBodyFormat.Default, options.FailureBodyFormat);
    }

    [Fact]
    public void Names_and_choices_are_case_insensitive()
    {
        var options = Parse(("methodformat", "full"), ("FAILUREBODYFORMAT", "VERBOSE"), ("logfilepath", "out/x.xml"));

        Assert.Equal(MethodFormat.Full, options.MethodFormat);
        Assert.Equal(FailureBodyFormat.Verbose, options.FailureBodyFormat);
        Assert.Equal("out/x.xml", options.LogFilePath);
    }

    [Theory]
    [InlineData("MethodFormat", "Short", "Default, Class, Full")]
    [InlineData("MethodFormat", "2", "Default, Class, Full")]
    [InlineData("FailureBodyFormat", "Detailed", "Default, Verbose")]
    public void An_unknown_choice_names_the_parameter_and_the_allowed_values(string parameter, string value, string allowed)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse((parameter, value)));

        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(allowed, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LogFilePath")]
    [InlineData("LogFileName")]
    public void An_empty_path_is_refused_by_name(string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => Parse((parameter, " ")));

        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_run_directory_results_go_to_TestResults_under_the_current_directory()
    {
        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "TestResults"), Parse().ResultsDirectory);
    }
}
