using Xunit.Abstractions;

namespace JUnitFixture;

public sealed class FixtureTests(ITestOutputHelper output)
{
    [Fact]
    public void Passes() => Assert.True(true);

    [Fact]
    public void Fails() => Assert.Equal(1, 2);

    [Fact]
    public void Throws() => throw new InvalidOperationException("the fixture threw on purpose");

    [Fact(Skip = "waiting for the payments sandbox")]
    public void Is_skipped() => Assert.Fail("a skipped test ran");

    [Theory]
    [InlineData(1, "one")]
    [InlineData(2, "two")]
    public void Theory_case(int number, string word) => Assert.NotEqual(number.ToString(System.Globalization.CultureInfo.InvariantCulture), word);

    [Fact]
    [Trait("Level", "3")]
    [Trait("Critical", "true")]
    [Trait("Category", "Payments")]
    public void Carries_traits() => Assert.True(true);

    [Fact]
    public void Writes_output()
    {
        output.WriteLine("first line of output");
        output.WriteLine("second line of output");
    }

    [Fact]
    [Trait("Note", "bell\u0007in a trait")]
    public void Fails_with_invalid_characters()
    {
        output.WriteLine("output with a bell \u0007 and a NUL \0");
        Assert.Fail("message with \u0001 control characters \u001B[31m and <markup> & \"quotes\"");
    }

    public static TheoryData<SameNameRow> SameNameRows => [new SameNameRow(passes: true), new SameNameRow(passes: false)];

    [Theory]
    [MemberData(nameof(SameNameRows))]
    public void Same_name_rows(SameNameRow row) => Assert.True(row.Passes, "the second row fails on purpose");

    /// <summary>Passes, unless the end-to-end test asks it to take the test host down.</summary>
    [Fact]
    public void Crashes_the_host_when_asked()
    {
        if (Environment.GetEnvironmentVariable("JUNIT_FIXTURE_CRASH") == "1")
        {
            Environment.FailFast("the fixture crashes the test host on purpose");
        }
    }
}
