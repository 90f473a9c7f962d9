using Smoke.Shared;

namespace Smoke.Stack.Tests.Validation;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("ComposeUp", "ComposUp", 1)]
    [InlineData("healthcheck", "healthchek", 1)]
    [InlineData("postgres", "postgers", 2)]
    public void Counts_single_character_edits(string from, string to, int distance)
    {
        Assert.Equal(distance, EditDistance.Between(from, to));
        Assert.Equal(distance, EditDistance.Between(to, from));
    }

    [Fact]
    public void Case_counts_only_when_asked()
    {
        Assert.Equal(0, EditDistance.Between("COMPOSEUP", "ComposeUp"));
        Assert.Equal(7, EditDistance.Between("COMPOSEUP", "ComposeUp", ignoreCase: false));
    }
}
