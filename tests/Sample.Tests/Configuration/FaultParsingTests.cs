using Sample.Configuration;

namespace Sample.Tests.Configuration;

public sealed class FaultParsingTests
{
    [Theory]
    [InlineData(null, "None")]
    [InlineData("", "None")]
    [InlineData("ready-never", "ReadyNever")]
    [InlineData("crash-on-start", "CrashOnStart")]
    [InlineData("http-500", "Http500")]
    [InlineData("break-queue", "BreakQueue")]
    public void Each_documented_fault_is_recognised(string? value, string kind) =>
        Assert.Equal(Enum.Parse<FaultKind>(kind), Fault.Parse(value).Kind);

    [Fact]
    public void Slow_start_carries_its_delay() =>
        Assert.Equal(new Fault(FaultKind.SlowStart, TimeSpan.FromSeconds(45)), Fault.Parse("slow-start=45"));

    [Theory]
    [InlineData("slow-start=")]
    [InlineData("slow-start=soon")]
    [InlineData("explode")]
    public void An_unknown_or_malformed_fault_is_refused_with_the_valid_choices(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Fault.Parse(value));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains("slow-start=", error.Message, StringComparison.Ordinal);
    }
}
