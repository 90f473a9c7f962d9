using Smoke.Release;

namespace Smoke.Build.Tests.Release;

/// <summary>Deploys that must stop, and what they leave: no previous release, no image, a held lock, Ctrl+C.</summary>
[Collection(DeployCollection.Name)]
public sealed class DeployRefusalTests(DeployedEnvironment deployed)
{
    [Fact]
    public async Task A_first_deploy_that_fails_is_not_rolled_back_and_says_there_is_no_previous_release()
    {
        await using var environment = new TestEnvironment(deployed.Engine, "first");

        using var run = await BuildScriptRun.RunAsync(DeployedEnvironment.DeployArguments(deployed.CrashingRelease, environment.Name));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains($"no previous release to roll back to in environment \"{environment.Name}\"", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Split('\n'), line => line.StartsWith("GitHub steps skipped: no token", StringComparison.Ordinal));
        var state = await environment.ReadStateAsync();
        Assert.Equal((deployed.CrashingRelease, ReleaseVerdict.Failed), (state.Current!.Release, state.Current.Verdict));
        Assert.Null(state.LastKnownGood);
        Assert.Single(state.History);
    }

    [Fact]
    public async Task A_release_whose_image_does_not_exist_is_refused_before_anything_changes()
    {
        await using var environment = new TestEnvironment(deployed.Engine, "noimage");

        using var run = await BuildScriptRun.RunAsync(DeployedEnvironment.DeployArguments("never-built", environment.Name));

        Assert.True(run.ExitCode == 1, run.Output);
        Assert.Contains("its image smoke/sample:never-built is not on the Docker engine", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(environment.StatePath));
        Assert.Empty(await environment.ContainersAsync());
    }

    [Fact]
    public async Task An_environment_name_that_cannot_be_a_file_name_is_invalid_usage()
    {
        using var run = await BuildScriptRun.RunAsync(["Deploy", "--release", "v1", "--environment", "../Staging"]);

        Assert.True(run.ExitCode == 2, run.Output);
        Assert.Contains("Environment is 1 to 63 lower-case letters", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_deploy_to_the_same_environment_is_refused_naming_the_one_that_holds_it()
    {
        await using var environment = new TestEnvironment(deployed.Engine, "busy");
        using var first = BuildScriptRun.Start(DeployedEnvironment.DeployArguments(deployed.GoodRelease, environment.Name));
        await first.WaitForLineAsync(line => line.StartsWith("holding the lock of environment", StringComparison.Ordinal), TimeSpan.FromMinutes(3));

        using var second = await BuildScriptRun.RunAsync(DeployedEnvironment.DeployArguments(deployed.GoodRelease, environment.Name));

        await first.InterruptAsync();
        await first.WaitForExitAsync();
        Assert.True(second.ExitCode == 1, second.Output);
        Assert.Contains($"environment \"{environment.Name}\" is locked by pid {first.Pid} on host {System.Environment.MachineName}", second.Output, StringComparison.Ordinal);
        Assert.Contains($"running \"Deploy --release {deployed.GoodRelease}\"", second.Output, StringComparison.Ordinal);
        Assert.Single((await environment.ReadStateAsync()).History);
    }

    [Fact]
    public async Task Ctrl_C_in_the_middle_of_a_deploy_leaves_a_consistent_state_file_and_a_free_lock()
    {
        await using var environment = new TestEnvironment(deployed.Engine, "ctrlc");
        using var run = BuildScriptRun.Start(DeployedEnvironment.DeployArguments(deployed.GoodRelease, environment.Name));
        await run.WaitForLineAsync(line => line.StartsWith($"moving {environment.ProjectName} to", StringComparison.Ordinal), TimeSpan.FromMinutes(3));

        await run.InterruptAsync();
        await run.WaitForExitAsync();

        Assert.True(run.ExitCode == 130, run.Output);
        Assert.Contains($"the deploy of {deployed.GoodRelease} to \"{environment.Name}\" was interrupted during ComposeUp", run.Output, StringComparison.Ordinal);
        using (var json = environment.ReadStateJson())
        {
            Assert.Equal("Interrupted", json.RootElement.GetProperty("current").GetProperty("verdict").GetString());
        }

        var state = await environment.ReadStateAsync();
        Assert.Equal((deployed.GoodRelease, ReleaseVerdict.Interrupted), (state.Current!.Release, state.Current.Verdict));
        Assert.Equal(state.Current.Id, Assert.Single(state.History).Id);
        Assert.Null(state.LastKnownGood);
        Assert.Empty(Directory.GetFiles(environment.Store.Directory, environment.Name + ".json.*.tmp"));
        Assert.False(File.Exists(environment.Store.LockPath(environment.Name) + ".json"));
        await using var next = await environment.Store.AcquireLockAsync(environment.Name, "test", CancellationToken.None);
        Assert.Empty(next.Notices);
    }
}
