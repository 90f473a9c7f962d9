using Smoke.Release.Tests.Support;
using Smoke.Stack.Tests.Support;

namespace Smoke.Release.Tests.EnvironmentStack;

/// <summary>
/// The flows against the real Docker engine and compose: a release that never becomes ready is rolled back to the one
/// that did, and a rollback that cannot happen leaves diagnostics. Nothing of the environments is left on the engine.
/// </summary>
public sealed class DeployOnDockerTests(EngineReleases releases) : IClassFixture<EngineReleases>
{
    [Fact]
    public async Task A_release_that_never_becomes_ready_is_rolled_back_and_the_good_one_runs_again()
    {
        var environment = await DockerEnvironment.CreateAsync();
        try
        {
            await environment.DeployAsync(releases.Good);
            var good = await environment.ContainersAsync();
            var failed = await environment.DeployAsync(releases.Bad);
            Assert.Equal((Image(releases.Bad), "exited"), (await environment.ContainersAsync())["api"]);

            var message = await environment.Rollback().RunAsync(failed.PendingRollback ?? throw new InvalidOperationException("the bad release left no rollback"), CancellationToken.None);

            Assert.Equal($"\"{environment.Name}\" runs {releases.Good} again, its critical tests pass (2 passed); rolled back from {releases.Bad}", message);
            var running = await environment.ContainersAsync();
            Assert.Equal((Image(releases.Good), "running"), running["api"]);
            Assert.Equal(good["companion"], running["companion"]);
            Assert.Equal((TestImages.Base, "running"), running["db"]);
            var state = await environment.Setup.StateAsync();
            Assert.Equal((ReleaseAction.Rollback, releases.Good, ReleaseVerdict.Passed), (state.Current?.Action, state.Current?.Release, state.Current?.Verdict));
            Assert.Contains("critical service \"api\" never became ready", state.History[1].Reason, StringComparison.Ordinal);
            Assert.Contains(environment.Setup.Log.Of("info"), line => line.StartsWith($"moving smoke-{environment.Name} to {releases.Bad} with ", StringComparison.Ordinal));
        }
        finally
        {
            await environment.DisposeAsync();
        }

        Assert.Empty(await environment.LeftoversAsync(releases.Engine));
    }

    [Fact]
    public async Task A_rollback_whose_good_image_is_gone_leaves_the_environment_degraded_with_its_containers_and_masked_logs()
    {
        await using var environment = await DockerEnvironment.CreateAsync();
        var releaseToLose = releases.Good;
        await environment.DeployAsync(releaseToLose);
        var failed = await environment.DeployAsync(releases.Bad);
        await releases.UntagAsync(releaseToLose);
        try
        {
            var failure = await Assert.ThrowsAsync<DeployFailedException>(
                () => environment.Rollback().RunAsync(failed.PendingRollback ?? throw new InvalidOperationException("no rollback"), CancellationToken.None));

            Assert.True(failure.EnvironmentDegraded);
            Assert.Contains($"its image {Image(releaseToLose)} is not on the Docker engine", failure.Message, StringComparison.Ordinal);
            Assert.Contains($"What runs now: api {Image(releases.Bad)} (Exited (3)", failure.Message, StringComparison.Ordinal);
            var diagnostics = environment.Setup.Options.DiagnosticsDirectory;
            Assert.Contains("\"state\": \"exited\"", await File.ReadAllTextAsync(Path.Combine(diagnostics, $"environment-{environment.Name}.json")), StringComparison.Ordinal);
            var apiLog = await File.ReadAllTextAsync(Path.Combine(diagnostics, $"smoke-{environment.Name}-api-1.log"));
            Assert.Contains("starting with password ***", apiLog, StringComparison.Ordinal);
            Assert.DoesNotContain(EngineReleases.Secret, apiLog, StringComparison.Ordinal);
            Assert.True((await environment.Setup.StateAsync()).IsDegraded);
        }
        finally
        {
            await RetagAsync(environment, releaseToLose);
        }
    }

    private static string Image(string release) => $"{EngineReleases.Repository}:{release}";

    /// <summary>The companion still runs the untagged image: tag it again for the other tests.</summary>
    private static async Task RetagAsync(DockerEnvironment environment, string release)
    {
        var companion = await environment.Engine.ListContainersAsync([$"com.docker.compose.project={environment.Stack.ProjectName}", "com.docker.compose.service=companion"], all: true);
        var image = (await environment.Engine.InspectContainerAsync(Assert.Single(companion).Id)).ImageId;
        await environment.Engine.TagImageAsync(image, Image(release));
    }
}
