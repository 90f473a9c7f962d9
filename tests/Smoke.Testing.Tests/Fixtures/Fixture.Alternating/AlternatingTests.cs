namespace Fixture.Alternating;

/// <summary>
/// One test that fails on every odd run and passes on every even one, counted in the file SMOKE_FIXTURE_COUNTER names,
/// and one that always passes: what repeated runs must tell apart.
/// </summary>
public class AlternatingTests
{
    [Fact]
    [Trait("Level", "2")]
    [Trait("Critical", "false")]
    [Trait("Category", "Queue")]
    public void Always_passes() => Assert.True(true);

    [Fact]
    [Trait("Level", "3")]
    [Trait("Critical", "false")]
    [Trait("Category", "Queue")]
    public void Fails_every_other_run()
    {
        var counter = Environment.GetEnvironmentVariable("SMOKE_FIXTURE_COUNTER")
            ?? throw new InvalidOperationException("SMOKE_FIXTURE_COUNTER is not set: the repeat tests pass a file path in it");
        var run = (File.Exists(counter) ? int.Parse(File.ReadAllText(counter), System.Globalization.CultureInfo.InvariantCulture) : 0) + 1;
        File.WriteAllText(counter, run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(run % 2 == 0, $"run {run} of this test fails on purpose (odd runs fail)");
    }
}
