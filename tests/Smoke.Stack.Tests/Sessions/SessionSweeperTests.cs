using System.Diagnostics;
using Smoke.Stack.Engine;
using Smoke.Stack.Fixtures;
using Smoke.Stack.Sessions;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Sessions;

public sealed class SessionSweeperTests
{
    [Fact]
    public async Task Resources_of_an_owner_killed_with_SIGKILL_are_swept_and_those_of_a_live_owner_are_kept()
    {
        using var engine = DockerEngineClient.FromEnvironment();
        var scope = TestLabels.Unique();
        using var owner = Process.Start(new ProcessStartInfo("sleep", "300") { UseShellExecute = false })!;
        var dead = new StackSession(StackSession.NewRunId(), owner.Id, Environment.MachineName, OwnerProcess.StartTimeOf(owner.Id));
        var alive = StackSession.ForCurrentProcess();
        var sweeper = new SessionSweeper(engine, null, [$"{scope.Key}={scope.Value}"]);
        var leftover = await StartContainerAsync(dead, scope);
        var kept = await StartContainerAsync(alive, scope);
        var labels = new Dictionary<string, string>(dead.Labels) { ["io.smoke.test"] = "true", [scope.Key] = scope.Value };
        await engine.CreateNetworkAsync($"smoke-test-{dead.RunId}", labels);
        await engine.CreateVolumeAsync($"smoke-test-{dead.RunId}", labels);
        try
        {
            var before = await sweeper.SweepOrphansAsync();
            owner.Kill();
            await owner.WaitForExitAsync();

            var report = await sweeper.SweepOrphansAsync();

            Assert.True(before.IsEmpty);
            Assert.Equal(
                [(SweptResourceKind.Container, leftover.Name), (SweptResourceKind.Network, $"smoke-test-{dead.RunId}"), (SweptResourceKind.Volume, $"smoke-test-{dead.RunId}")],
                report.Removed.Select(r => (r.Kind, r.Name)));
            Assert.All(report.Removed, r => Assert.Equal(dead.RunId, r.RunId));
            Assert.Equal($"swept 1 containers, 1 networks, 1 volumes of runs {dead.RunId}", report.ToString());
            Assert.Null(await engine.TryInspectContainerAsync(leftover.Id!));
            Assert.NotNull(await engine.TryInspectContainerAsync(kept.Id!));
        }
        finally
        {
            await leftover.DisposeAsync();
            await kept.DisposeAsync();
            await sweeper.RemoveAllAsync();
        }
    }

    [Fact]
    public async Task Removing_one_session_leaves_other_sessions_alone_and_removing_all_takes_every_session()
    {
        using var engine = DockerEngineClient.FromEnvironment();
        var scope = TestLabels.Unique();
        var sweeper = new SessionSweeper(engine, null, [$"{scope.Key}={scope.Value}"]);
        var one = StackSession.ForCurrentProcess();
        var two = StackSession.ForCurrentProcess();
        await using var first = await StartContainerAsync(one, scope);
        await using var second = await StartContainerAsync(two, scope);

        var removedOne = await sweeper.RemoveSessionAsync(one.RunId);
        var firstAfter = await engine.TryInspectContainerAsync(first.Id!);
        var secondAfter = await engine.TryInspectContainerAsync(second.Id!);
        var removedAll = await sweeper.RemoveAllAsync();

        Assert.Equal(one.RunId, Assert.Single(removedOne.Removed).RunId);
        Assert.Null(firstAfter);
        Assert.NotNull(secondAfter);
        Assert.Equal(two.RunId, Assert.Single(removedAll.Removed).RunId);
        Assert.Null(await engine.TryInspectContainerAsync(second.Id!));
    }

    [Fact]
    public void An_owner_whose_pid_now_runs_another_process_counts_as_gone()
    {
        var labels = new StackSession("r", Environment.ProcessId, Environment.MachineName, "1").Labels;

        Assert.True(SessionSweeper.IsOrphan(labels));
        Assert.False(SessionSweeper.IsOrphan(StackSession.ForCurrentProcess().Labels));
    }

    [Fact]
    public void Resources_made_on_another_host_are_never_swept_as_orphans()
    {
        var labels = new StackSession("r", 999_999, "another-host", null).Labels;

        Assert.False(SessionSweeper.IsOrphan(labels));
    }

    private static async Task<TestContainer> StartContainerAsync(StackSession session, KeyValuePair<string, string> scope)
    {
        var container = new ContainerBuilder().WithImage(TestImages.Base).WithCommand("sleep", "300").WithSession(session).WithLabel(scope.Key, scope.Value).Build();
        await container.StartAsync();
        return container;
    }
}
