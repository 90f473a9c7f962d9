namespace Fixture.Covered;

/// <summary>Two methods of equal size: the fixture's tests call <see cref="Add"/> only, so half of the lines are covered.</summary>
public static class Arithmetic
{
    public static int Add(int left, int right)
    {
        var sum = left + right;
        return sum;
    }

    public static int Subtract(int left, int right)
    {
        var difference = left - right;
        return difference;
    }
}
