using System.Net;
using Npgsql;
using Sample.Api;
using Sample.Tests.Platform;

namespace Sample.Tests.Api;

/// <summary>Under load the platform gets slower, never fails; a database it cannot reach is a 503 to retry, never a 500.</summary>
[Collection(PlatformCollection.Name)]
public sealed class LoadTests(PlatformServices platform) : PlatformApiTests(platform)
{
    /// <summary>Far more at once than Postgres has connections (100): each request used to open its own.</summary>
    private const int Burst = 150;

    [Fact]
    public async Task A_burst_beyond_the_servers_connections_gets_slower_but_every_request_succeeds()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);

        var creates = Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await client.PostJobAsync(JobsApi.SmallJob("direct"));
            return response.StatusCode;
        });
        var reads = Enumerable.Range(0, Burst).Select(async _ =>
        {
            using var response = await client.GetAsync("/api/jobs?pageSize=5");
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(creates.Concat(reads));

        Assert.Equal(
            [(HttpStatusCode.OK, Burst), (HttpStatusCode.Created, Burst)],
            statuses.GroupBy(status => status).Select(group => (group.Key, group.Count())).OrderBy(pair => pair.Key));
        Assert.InRange(await ApiSessionsAsync(), 0, 20);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_answers_503_with_Retry_After()
    {
        var settings = Platform.SettingsFor("api", "unreachable", $"test.jobs.{Guid.NewGuid():N}");
        settings["POSTGRES_PORT"] = "1";
        await using var api = new SampleFactory(settings, Generator.CreateHandler);
        using var client = api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("direct"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseUnavailableHandler.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.JsonAsync();
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
    }

    /// <summary>The api's server sessions open now: its pool keeps them to POSTGRES_MAX_POOL_SIZE (20).</summary>
    private async Task<long> ApiSessionsAsync()
    {
        await using var server = NpgsqlDataSource.Create(Platform.ConnectionString(PlatformServices.User));
        await using var count = server.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'sample-api'");
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
