namespace Fixture.Covered.Tests;

public class ArithmeticTests
{
    [Fact]
    public void Add_adds() => Assert.Equal(5, Arithmetic.Add(2, 3));
}
