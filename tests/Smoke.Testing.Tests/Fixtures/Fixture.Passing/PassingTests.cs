using Smoke.Testing.Fixtures;

namespace Fixture.Passing;

public class PassingTests
{
    [Fact]
    [Trait("Level", "1")]
    [Trait("Critical", "false")]
    [Trait("Category", "Config")]
    public void Configuration_is_readable() =>
        Assert.Equal("http://127.0.0.1:1/", Environment.GetEnvironmentVariable("SMOKE_API_URL"));

    [Fact]
    [Trait("Level", "2")]
    [Trait("Critical", "false")]
    [Trait("Category", "Health")]
    public void Health_answers() => Assert.True(true);

    [Fact]
    [Trait("Level", "3")]
    [Trait("Critical", "true")]
    [Trait("Category", "Workflow")]
    public void Critical_path_works() => Assert.True(true);

    [Fact]
    [Trait("Level", "4")]
    [Trait("Critical", "false")]
    [Trait("Category", "Workflow")]
    public void Workflow_completes() => Assert.True(true);

    [Fact]
    [Trait("Level", "1")]
    [Trait("Critical", "false")]
    [Trait("Category", "Timeline")]
    public Task Overlaps_with_its_sibling() => Timeline.RecordAsync("Fixture.Passing", "Fixture.Failing");
}
