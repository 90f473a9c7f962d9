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
    [InlineData("StoreConsoleOutput", "no", "true, false, testcase, testsuite")]
    [InlineData("UseRelativeAttachmentPath", "yes", "false, true")]
    public void An_unknown_choice_is_a_warning_naming_the_parameter_and_the_allowed_values_and_the_default_applies(string parameter, string value, string allowed)
    {
        var options = Parse((parameter, value));

        var warning = Assert.Single(options.Warnings);
        Assert.Contains($"parameter {parameter} has the value \"{value}\"", warning, StringComparison.Ordinal);
        Assert.Contains(allowed, warning, StringComparison.Ordinal);
        Assert.Equal(Parse() with { Warnings = options.Warnings }, options);
    }

    [Theory]
    [InlineData("true", "Both")]
    [InlineData("False", "None")]
    [InlineData("testcase", "TestCase")]
    [InlineData("TESTSUITE", "TestSuite")]
    public void StoreConsoleOutput_takes_spekts_values(string value, string expected)
    {
        Assert.Equal(Enum.Parse<ConsoleOutput>(expected), Parse(("StoreConsoleOutput", value)).StoreConsoleOutput);
    }

    [Fact]
    public void UseRelativeAttachmentPath_is_off_unless_set_to_true()
    {
        Assert.False(Parse().UseRelativeAttachmentPath);
        Assert.True(Parse(("UseRelativeAttachmentPath", "True")).UseRelativeAttachmentPath);
        Assert.Empty(Parse(("UseRelativeAttachmentPath", "false")).Warnings);
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
