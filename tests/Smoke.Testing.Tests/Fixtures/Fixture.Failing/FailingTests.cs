using Smoke.Testing.Fixtures;
using Xunit.Abstractions;

namespace Fixture.Failing;

public class FailingTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Level", "1")]
    [Trait("Critical", "false")]
    [Trait("Category", "Service")]
    public void Passes() => Assert.True(true);

    [Fact]
    [Trait("Level", "3")]
    [Trait("Critical", "true")]
    [Trait("Category", "Service")]
    public void Reports_a_wrong_status()
    {
        // A careless test that prints a credential: the runner must mask it in what it keeps of the output.
        output.WriteLine($"connecting with password {Environment.GetEnvironmentVariable("SMOKE_API_PASSWORD")}");
        Assert.Equal(201, 503);
    }

    [Fact]
    [Trait("Level", "1")]
    [Trait("Critical", "false")]
    [Trait("Category", "Timeline")]
    public Task Overlaps_with_its_sibling() => Timeline.RecordAsync("Fixture.Failing", "Fixture.Passing");
}
