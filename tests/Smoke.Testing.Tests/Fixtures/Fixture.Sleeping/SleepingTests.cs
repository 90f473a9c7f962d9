namespace Fixture.Sleeping;

/// <summary>A suite that takes at least <see cref="Sleep"/>, however fast the machine: the budget tests hold it to budgets below and above that.</summary>
public class SleepingTests
{
    public static readonly TimeSpan Sleep = TimeSpan.FromSeconds(6);

    [Fact]
    [Trait("Level", "2")]
    [Trait("Critical", "false")]
    [Trait("Category", "Slow")]
    public async Task Takes_its_time()
    {
        await Task.Delay(Sleep);
        Assert.True(true);
    }
}
