using System.Net;
using Sample.Tests.Platform;

namespace Sample.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class RateLimitTests(PlatformServices platform)
{
    [Fact]
    public async Task A_token_over_its_limit_gets_429_while_another_token_is_still_served()
    {
        var database = await platform.CreateDatabaseAsync();
        var settings = platform.SettingsFor("api", database, $"test.jobs.{Guid.NewGuid():N}");
        settings["SAMPLE_RATE_LIMIT_PER_MINUTE"] = "3";
        await using var api = new SampleFactory(settings);
        using var limited = api.CreateClient(SampleFactory.ReadOnlyToken);
        using var other = api.CreateClient(SampleFactory.ReadWriteToken);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await limited.GetAsync("/api/jobs");
            statuses.Add(response.StatusCode);
        }

        using var rejected = await limited.GetAsync("/api/jobs");
        using var otherToken = await other.GetAsync("/api/jobs");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(rejected.Headers.RetryAfter is not null, "a 429 says when to retry");
        Assert.Equal(HttpStatusCode.OK, otherToken.StatusCode);
    }
}
