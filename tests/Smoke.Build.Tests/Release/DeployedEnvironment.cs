using Smoke.GitHub.Fake;
using Smoke.Stack.Engine;

namespace Smoke.Build.Tests.Release;

/// <summary>
/// One environment with a good release deployed (reported to a fake GitHub, by a run for a pull request that comments on
/// it), shared by the deploy tests because a first deploy starts the whole stack cold; and the images of the releases
/// the tests deploy.
/// </summary>
public sealed class DeployedEnvironment : IAsyncLifetime
{
    public const string GoodSha = "1111111111111111111111111111111111111111";
    public const string BadSha = "2222222222222222222222222222222222222222";

    private readonly string id = Guid.NewGuid().ToString("N")[..6];

    internal DockerEngineClient Engine { get; } = DockerEngineClient.FromEnvironment();

    internal ReleaseImages Images { get; private set; } = null!;

    internal FakeGitHubServer GitHub { get; private set; } = null!;

    internal TestEnvironment Environment { get; private set; } = null!;

    internal string GoodRelease { get; private set; } = null!;

    /// <summary>The release that never becomes ready: its api exits at start.</summary>
    internal string CrashingRelease { get; private set; } = null!;

    /// <summary>The release whose /api/* answers 500 while its health stays green.</summary>
    internal string FailingApiRelease { get; private set; } = null!;

    internal BuildScriptRun FirstDeploy { get; private set; } = null!;

    internal IReadOnlyList<RecordedRequest> FirstDeployCalls { get; private set; } = [];

    /// <summary>
    /// A deploy of the smallest useful smoke run (the Services project's health tests), never pulling (there is no registry
    /// here), reporting to the fake GitHub.
    /// </summary>
    internal static List<string> DeployArguments(string release, string environment, params string[] more) =>
    [
        "Deploy", "--release", release, "--environment", environment,
        "--smoke-projects", "tests/smoke/SmokeTests.Services", "--only", "health",
        "--image-source", "offline", .. more,
    ];

    public async Task InitializeAsync()
    {
        // Compiles the build project once, before any test starts ./build.sh.
        using (var warm = await BuildScriptRun.RunAsync(["--help"]))
        {
            Assert.True(warm.ExitCode == 0, warm.Output);
        }

        GitHub = await FakeGitHubServer.StartAsync();
        Images = new ReleaseImages(Engine);
        GoodRelease = await Images.GoodAsync($"good-{id}");
        CrashingRelease = await Images.BadAsync($"crash-{id}", "crash-on-start");
        FailingApiRelease = await Images.BadAsync($"http500-{id}", "http-500");
        Environment = new TestEnvironment(Engine, "shared");
        FirstDeploy = await BuildScriptRun.RunAsync(
            DeployArguments(GoodRelease, Environment.Name, "--commit-sha", GoodSha, "--pull-request-comment"), GitHub.PullRequestEnvironment);
        FirstDeployCalls = GitHub.Requests;
        GitHub.ClearRequests();
    }

    public async Task DisposeAsync()
    {
        FirstDeploy?.Dispose();
        if (Environment is not null)
        {
            await Environment.DisposeAsync();
        }

        if (Images is not null)
        {
            await Images.DisposeAsync();
        }

        if (GitHub is not null)
        {
            await GitHub.DisposeAsync();
        }

        Engine.Dispose();
    }
}
