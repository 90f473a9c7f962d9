using Smoke.Build.Workflows;

namespace Smoke.Build.Tests.Workflows;

public sealed class SmokeShardTests
{
    private static readonly string[] Projects =
        ["tests/smoke/Queue", "tests/smoke/Api", "tests/smoke/Database", "tests/smoke/Worker", "tests/smoke/Generator"];

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("10/10", 10, 10)]
    public void A_shard_is_read_as_i_of_n(string text, int index, int count)
    {
        Assert.Equal(new SmokeShard(index, count), SmokeShard.Parse(text));
    }

    [Theory]
    [InlineData("3/2")]
    [InlineData("0/2")]
    [InlineData("1/0")]
    [InlineData("two")]
    [InlineData("1/2/3")]
    [InlineData("-1/2")]
    [InlineData("")]
    public void A_bad_shard_says_what_is_expected(string text)
    {
        var error = Assert.Throws<FormatException>(() => SmokeShard.Parse(text));

        Assert.Equal($"shard '{text}' is not valid; expected i/n with 1 <= i <= n, such as 1/2 or 2/2", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void The_shards_together_take_every_project_exactly_once(int count)
    {
        var taken = Enumerable.Range(1, count).SelectMany(i => new SmokeShard(i, count).Select(Projects)).ToList();

        Assert.Equal(Projects.Order(StringComparer.Ordinal), taken.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Projects_are_dealt_round_robin_in_ordinal_order_whatever_order_they_come_in()
    {
        Assert.Equal(["tests/smoke/Api", "tests/smoke/Generator", "tests/smoke/Worker"], new SmokeShard(1, 2).Select(Projects));
        Assert.Equal(["tests/smoke/Database", "tests/smoke/Queue"], new SmokeShard(2, 2).Select(Projects.Reverse()));
        Assert.Equal(Projects.Order(StringComparer.Ordinal), SmokeShard.All.Select(Projects));
    }
}
