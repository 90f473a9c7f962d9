using Smoke.JUnit.TestLogger.Options;

namespace Smoke.JUnit.TestLogger.Tests.Options;

public sealed class ReportFileLocationTests
{
    private static JUnitLoggerOptions Options(string? logFilePath = null, string? logFileName = null) =>
        new(logFilePath, logFileName, "/repo/TestResults", ".NETCoreApp,Version=v10.0", MethodFormat.Default, FailureBodyFormat.Default);

    [Fact]
    public void By_default_the_report_is_named_after_the_assembly_in_the_results_directory()
    {
        Assert.Equal("/repo/TestResults/Sample.Tests.junit.xml", ReportFileLocation.Resolve(Options(), "Sample.Tests"));
    }

    [Fact]
    public void LogFileName_is_placed_in_the_results_directory_with_its_tokens_filled()
    {
        var path = ReportFileLocation.Resolve(Options(logFileName: "{assembly}.{framework}.xml"), "Sample.Tests");

        Assert.Equal("/repo/TestResults/Sample.Tests.net10.0.xml", path);
    }

    [Fact]
    public void LogFilePath_wins_over_LogFileName()
    {
        var path = ReportFileLocation.Resolve(Options("/out/{Assembly}/junit.xml", "ignored.xml"), "Sample.Tests");

        Assert.Equal("/out/Sample.Tests/junit.xml", path);
    }

    [Fact]
    public void A_relative_LogFilePath_is_relative_to_the_current_directory()
    {
        var path = ReportFileLocation.Resolve(Options("out/x.xml"), "Sample.Tests");

        Assert.Equal(Path.Combine(Directory.GetCurrentDirectory(), "out", "x.xml"), path);
    }

    [Theory]
    [InlineData(".NETCoreApp,Version=v10.0", "net10.0")]
    [InlineData(".NETCoreApp,Version=v3.1", "netcoreapp3.1")]
    [InlineData(".NETFramework,Version=v4.7.2", "net472")]
    [InlineData(".NETStandard,Version=v2.0", "netstandard2.0")]
    [InlineData("net8.0", "net8.0")]
    [InlineData("Weird,Profile=x/y", "Weird_Profile_x_y")]
    [InlineData(null, "unknown-framework")]
    public void The_framework_token_uses_the_short_moniker(string? frameworkName, string expected)
    {
        Assert.Equal(expected, ReportFileLocation.ShortFrameworkName(frameworkName));
    }
}
