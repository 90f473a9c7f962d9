namespace Fixture.Broken;

public class BrokenTests
{
    [Fact]
    public void Does_not_compile()
    {
        int count = "one";
        Assert.Equal(1, count);
    }
}
