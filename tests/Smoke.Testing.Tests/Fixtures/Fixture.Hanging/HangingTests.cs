namespace Fixture.Hanging;

public class HangingTests
{
    [Fact]
    [Trait("Level", "2")]
    [Trait("Critical", "true")]
    [Trait("Category", "Health")]
    public Task Never_returns() => Task.Delay(Timeout.Infinite);
}
