namespace Fixture.Flaky;

/// <summary>Tests that fail on their first attempt and pass on the next, remembered through marker files in SMOKE_FIXTURE_MARKERS.</summary>
public class FlakyTests
{
    [Fact]
    [Trait("Level", "2")]
    [Trait("Critical", "false")]
    [Trait("Category", "Queue")]
    public void Always_passes() => Assert.True(true);

    [Fact]
    [Trait("Level", "2")]
    [Trait("Critical", "false")]
    [Trait("Category", "Queue")]
    public void Fails_the_first_time() => FailOnce("fact");

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [Trait("Level", "3")]
    [Trait("Critical", "false")]
    [Trait("Category", "Queue")]
    public void Row_fails_the_first_time(int row) => FailOnce($"row-{row}");

    private static void FailOnce(string name)
    {
        var directory = Environment.GetEnvironmentVariable("SMOKE_FIXTURE_MARKERS")
            ?? throw new InvalidOperationException("SMOKE_FIXTURE_MARKERS is not set: the runner tests pass a temporary directory in it");
        var marker = Path.Combine(directory, name + ".marker");
        if (!File.Exists(marker))
        {
            File.WriteAllText(marker, "failed once");
            Assert.Fail($"first attempt of {name} fails on purpose");
        }
    }
}
