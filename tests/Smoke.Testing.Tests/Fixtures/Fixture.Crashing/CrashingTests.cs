namespace Fixture.Crashing;

/// <summary>A test host that dies mid-run, as one does on a stack overflow or an out-of-memory kill.</summary>
public class CrashingTests
{
    [Fact]
    public void Passes() => Assert.True(true);

    [Fact]
    public void Takes_the_test_host_down() => Environment.FailFast("Fixture.Crashing takes the test host down on purpose");
}
