using Smoke.Stack.Engine;
using Smoke.Stack.Fixtures;
using Smoke.Stack.Sessions;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Sessions;

public sealed class EnvironmentSessionTests
{
    [Fact]
    public void The_stack_of_a_deployment_environment_is_never_swept_as_an_orphan()
    {
        var labels = StackSession.ForEnvironment("staging").Labels;

        Assert.Equal("staging", labels[StackSession.EnvironmentLabel]);
        Assert.False(SessionSweeper.IsOrphan(labels));
    }

    [Fact]
    public void An_environment_session_has_the_same_labels_on_every_deploy_so_compose_recreates_only_what_changed()
    {
        var first = StackSession.ForEnvironment("eu-prod-1");
        var second = StackSession.ForEnvironment("eu-prod-1");

        Assert.Equal(first.Labels, second.Labels);
        Assert.NotEqual(first.RunId, StackSession.ForEnvironment("staging").RunId);
        Assert.DoesNotContain(StackSession.OwnerStartTimeLabel, first.Labels.Keys);
    }

    [Fact]
    public async Task Sweeping_orphans_keeps_an_environment_stack_and_removes_a_dead_run()
    {
        using var engine = DockerEngineClient.FromEnvironment();
        var scope = TestLabels.Unique();
        var environment = StackSession.ForEnvironment("sweep-" + scope.Value);
        var dead = new StackSession(StackSession.NewRunId(), 999_999, Environment.MachineName, "1");
        await using var kept = await StartAsync(environment, scope);
        await using var orphan = await StartAsync(dead, scope);

        var report = await new SessionSweeper(engine, null, [$"{scope.Key}={scope.Value}"]).SweepOrphansAsync();

        Assert.Equal(dead.RunId, Assert.Single(report.Removed).RunId);
        Assert.NotNull(await engine.TryInspectContainerAsync(kept.Id!));
    }

    private static async Task<TestContainer> StartAsync(StackSession session, KeyValuePair<string, string> scope)
    {
        var container = new ContainerBuilder().WithImage(TestImages.Base).WithCommand("sleep", "300").WithSession(session).WithLabel(scope.Key, scope.Value).Build();
        await container.StartAsync();
        return container;
    }
}
