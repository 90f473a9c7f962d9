using System.Net;
using System.Text.Json;
using Sample.Tests.Platform;

namespace Sample.Tests.Api;

[Collection(PlatformCollection.Name)]
public sealed class JobsApiTests(PlatformServices platform) : PlatformApiTests(platform)
{
    [Fact]
    public async Task A_direct_job_runs_now_and_is_stored_completed()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("direct"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var job = await response.JsonAsync();
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal("direct", job.GetProperty("run_mode").GetString());
        Assert.Equal("run_now", job.GetProperty("source").GetString());
        Assert.Equal(JsonValueKind.String, job.GetProperty("completed_at").ValueKind);
        Assert.Single(job.GetProperty("outputs").EnumerateArray());
        Assert.Equal($"/api/jobs/{job.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);

        var stored = await client.GetJobAsync(job.GetProperty("id").GetString()!);
        Assert.Equal("completed", stored.GetProperty("status").GetString());

        var call = Assert.Single(await Generator.CallsAsync());
        Assert.Equal(256, call.GetProperty("width").GetInt32());
        Assert.Equal(256, call.GetProperty("height").GetInt32());
        Assert.Equal(4, call.GetProperty("steps").GetInt32());
        Assert.Equal("txt2img", call.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_queued_job_is_accepted_and_stored_as_queued()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("queue", packId: "pack-42"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.JsonAsync();
        Assert.Equal("queued", job.GetProperty("status").GetString());
        Assert.Equal("pack-42", job.GetProperty("prompt_pack_id").GetString());
        Assert.Empty(await Generator.CallsAsync());
    }

    [Theory]
    [InlineData("GET", "/api/jobs")]
    [InlineData("POST", "/api/jobs")]
    public async Task Requests_without_a_token_are_refused_with_401(string method, string path)
    {
        using var client = Api.CreateClient(token: null);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_token_is_refused_with_401()
    {
        using var client = Api.CreateClient("not-a-token");

        using var response = await client.GetAsync("/api/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_read_only_token_reads_jobs_but_cannot_create_them()
    {
        using var client = Api.CreateClient(SampleFactory.ReadOnlyToken);

        using var create = await client.PostJobAsync(JobsApi.SmallJob("direct"));
        using var list = await client.GetAsync("/api/jobs");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Empty(await Generator.CallsAsync());
    }

    [Fact]
    public async Task An_invalid_job_is_422_with_problem_details_naming_each_bad_field()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(new { prompt = "ok", width = 100, height = 256, steps = 0, mode = "later" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order().ToArray();
        Assert.Equal(["mode", "steps", "width"], fields);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_422_naming_that_field()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(new { prompt = "ok", width = 256, height = 256, steps = "many", mode = "direct" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("steps", out _), problem.ToString());
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_in_pages_with_the_total()
    {
        using var client = Api.CreateClient(SampleFactory.ReadWriteToken);
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostJobAsync(JobsApi.SmallJob("direct"));
            created.Add((await response.JsonAsync()).GetProperty("id").GetString()!);
        }

        var first = await (await client.GetAsync("/api/jobs?page=1&pageSize=2")).JsonAsync();
        var last = await (await client.GetAsync("/api/jobs?page=3&pageSize=2")).JsonAsync();

        Assert.Equal(5, first.GetProperty("total").GetInt64());
        Assert.Equal(2, first.GetProperty("page_size").GetInt32());
        Assert.Equal([created[4], created[3]], first.GetProperty("items").EnumerateArray().Select(job => job.GetProperty("id").GetString()));
        Assert.Equal([created[0]], last.GetProperty("items").EnumerateArray().Select(job => job.GetProperty("id").GetString()));
        Assert.Equal(3, last.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    public async Task An_invalid_page_is_422_naming_the_parameter(string query, string field)
    {
        using var client = Api.CreateClient(SampleFactory.ReadOnlyToken);

        using var response = await client.GetAsync($"/api/jobs?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_job_is_404()
    {
        using var client = Api.CreateClient(SampleFactory.ReadOnlyToken);

        using var response = await client.GetAsync($"/api/jobs/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failing_generator_fails_the_direct_job_with_502_and_records_why()
    {
        var failing = new FailingGenerator();
        var database = await Platform.CreateDatabaseAsync();
        await using var broken = new SampleFactory(Platform.SettingsFor("api", database, $"test.jobs.{Guid.NewGuid():N}"), failing.CreateHandler);
        using var client = broken.CreateClient(SampleFactory.ReadWriteToken);

        using var response = await client.PostJobAsync(JobsApi.SmallJob("direct"));
        var jobs = await (await client.GetAsync("/api/jobs")).JsonAsync();

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var job = Assert.Single(jobs.GetProperty("items").EnumerateArray());
        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.Contains("500", job.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
