using System.Text;
using System.Text.RegularExpressions;

namespace Smoke.GitHub.Tests;

public sealed partial class ActionsRuntimeTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("smoke-github-").FullName;
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);

    public ActionsRuntimeTests()
    {
        variables["GITHUB_ACTIONS"] = "true";
        variables["GITHUB_REPOSITORY"] = "acme/shop";
        variables["GITHUB_SHA"] = "3f786850e387550fdab836ed7e6dc881de23001b";
        variables["GITHUB_REF"] = "refs/heads/main";
        variables["GITHUB_RUN_ID"] = "1658821493";
        variables["GITHUB_RUN_ATTEMPT"] = "2";
        variables["GITHUB_SERVER_URL"] = "https://github.com";
        variables["GITHUB_API_URL"] = "https://api.github.com";
        variables["GITHUB_EVENT_NAME"] = "push";
        variables["GITHUB_WORKFLOW"] = "deploy";
        variables["GITHUB_ACTOR"] = "octocat";
        variables["GITHUB_OUTPUT"] = Path.Combine(directory, "output");
        variables["GITHUB_STEP_SUMMARY"] = Path.Combine(directory, "summary.md");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task The_context_is_read_from_the_GITHUB_variables()
    {
        var runtime = await DetectAsync();

        Assert.True(runtime.IsActions);
        var context = runtime.Context;
        Assert.Equal(new RepositoryName("acme", "shop"), context.Repository);
        Assert.Equal("3f786850e387550fdab836ed7e6dc881de23001b", context.Sha);
        Assert.Equal("refs/heads/main", context.Ref);
        Assert.Equal(("1658821493", "2"), (context.RunId, context.RunAttempt));
        Assert.Equal(("push", "deploy", "octocat"), (context.EventName, context.Workflow, context.Actor));
        Assert.Equal(new Uri("https://api.github.com"), context.ApiUrl);
        Assert.Null(context.PullRequestNumber);
    }

    [Fact]
    public async Task The_run_url_points_at_the_run_on_the_server()
    {
        variables["GITHUB_SERVER_URL"] = "https://ghe.acme.test/";

        var runtime = await DetectAsync();

        Assert.Equal(new Uri("https://ghe.acme.test/acme/shop/actions/runs/1658821493"), runtime.Context.RunUrl);
    }

    [Fact]
    public async Task Outside_Actions_nothing_is_detected_and_nothing_is_written()
    {
        variables.Clear();

        var runtime = await DetectAsync();

        Assert.False(runtime.IsActions);
        Assert.Null(runtime.Context.RunUrl);
        Assert.False(runtime.CanWriteOutputs);
        Assert.False(await runtime.SetOutputAsync("verdict", "passed"));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public async Task The_pull_request_number_comes_from_the_event_payload()
    {
        variables["GITHUB_EVENT_NAME"] = "pull_request";
        variables["GITHUB_REF"] = "refs/pull/99/merge";
        variables["GITHUB_EVENT_PATH"] = WriteEvent("""{"action":"synchronize","number":42,"pull_request":{"number":42,"head":{"sha":"abc"}}}""");

        var runtime = await DetectAsync();

        Assert.Equal(42, runtime.Context.PullRequestNumber);
    }

    [Fact]
    public async Task A_comment_on_a_pull_request_gives_its_number()
    {
        variables["GITHUB_EVENT_NAME"] = "issue_comment";
        variables["GITHUB_EVENT_PATH"] = WriteEvent("""{"action":"created","issue":{"number":17,"pull_request":{"url":"https://api.github.com/repos/acme/shop/pulls/17"}}}""");

        Assert.Equal(17, (await DetectAsync()).Context.PullRequestNumber);
    }

    [Fact]
    public async Task A_comment_on_a_plain_issue_is_not_a_pull_request()
    {
        variables["GITHUB_EVENT_NAME"] = "issue_comment";
        variables["GITHUB_EVENT_PATH"] = WriteEvent("""{"action":"created","issue":{"number":17}}""");

        Assert.Null((await DetectAsync()).Context.PullRequestNumber);
    }

    [Fact]
    public async Task Without_a_readable_payload_the_pull_request_ref_is_used()
    {
        variables["GITHUB_REF"] = "refs/pull/123/merge";
        variables["GITHUB_EVENT_PATH"] = WriteEvent("not json");

        Assert.Equal(123, (await DetectAsync()).Context.PullRequestNumber);
    }

    [Fact]
    public async Task A_single_line_output_is_written_as_name_equals_value()
    {
        var runtime = await DetectAsync();

        Assert.True(await runtime.SetOutputAsync("verdict", "rolled-back"));
        Assert.True(await runtime.SetOutputAsync("exit-code", "3"));

        Assert.Equal("verdict=rolled-back\nexit-code=3\n", await File.ReadAllTextAsync(variables["GITHUB_OUTPUT"]));
    }

    [Fact]
    public async Task A_multi_line_output_is_a_heredoc_with_a_random_delimiter()
    {
        var runtime = await DetectAsync();
        const string Value = "line one\nEOF\nline three";

        await runtime.SetOutputAsync("report", Value);
        await runtime.SetOutputAsync("report2", Value);

        var text = await File.ReadAllTextAsync(variables["GITHUB_OUTPUT"]);
        var entries = Heredoc().Matches(text);
        Assert.Equal(2, entries.Count);
        Assert.Equal(text.Length, entries.Sum(m => m.Length));
        Assert.All(entries, m => Assert.Equal(Value, m.Groups["value"].Value));
        Assert.Equal(["report", "report2"], entries.Select(m => m.Groups["name"].Value));
        Assert.NotEqual(entries[0].Groups["delimiter"].Value, entries[1].Groups["delimiter"].Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("a=b")]
    [InlineData("new\nline")]
    public async Task An_output_name_GitHub_cannot_read_is_refused(string name)
    {
        var runtime = await DetectAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => runtime.SetOutputAsync(name, "x"));
        Assert.False(File.Exists(variables["GITHUB_OUTPUT"]));
    }

    [GeneratedRegex(@"(?<name>[\w-]+)<<(?<delimiter>ghadelimiter_[0-9a-f]{32})\n(?<value>.*?)\n\k<delimiter>\n", RegexOptions.Singleline)]
    private static partial Regex Heredoc();

    private Task<GitHubActionsRuntime> DetectAsync() => GitHubActionsRuntime.DetectAsync(name => variables.GetValueOrDefault(name));

    private string WriteEvent(string json)
    {
        var path = Path.Combine(directory, "event.json");
        File.WriteAllText(path, json);
        return path;
    }
}
