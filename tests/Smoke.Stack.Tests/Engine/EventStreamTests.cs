using Smoke.Stack.Engine;
using Smoke.Stack.Tests.Support;

namespace Smoke.Stack.Tests.Engine;

public sealed class EventStreamTests
{
    [Fact]
    public async Task Start_health_and_die_events_arrive_for_a_container()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var unique = TestLabels.Unique();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var filter = new EngineEventFilter { Types = ["container"], Labels = [$"{unique.Key}={unique.Value}"], Since = DateTimeOffset.UtcNow.AddSeconds(-1) };
        var seen = new List<EngineEvent>();
        var watching = Task.Run(
            async () =>
            {
                await foreach (var item in client.MonitorEventsAsync(filter, timeout.Token))
                {
                    seen.Add(item);
                    if (item.Action == "die")
                    {
                        return;
                    }
                }
            },
            timeout.Token);

        var id = await client.CreateContainerAsync(new CreateContainerRequest(TestImages.Base)
        {
            Command = ["sh", "-c", "sleep 4; exit 3"],
            Labels = new Dictionary<string, string> { ["io.smoke.test"] = "true", [unique.Key] = unique.Value },
            Healthcheck = new ContainerHealthcheck(["CMD", "true"]) { Interval = TimeSpan.FromSeconds(1) },
        });
        try
        {
            await client.StartContainerAsync(id);
            await watching;
        }
        finally
        {
            await client.RemoveContainerAsync(id);
        }

        var actions = seen.Select(e => e.Action).ToList();
        Assert.Contains("start", actions);
        Assert.Contains(seen, e => e.HealthStatus == "healthy");
        var die = Assert.Single(seen, e => e.Action == "die");
        Assert.Equal(id, die.ActorId);
        Assert.Equal("3", die.Attributes["exitCode"]);
        Assert.True(actions.IndexOf("start") < actions.IndexOf("die"));
    }

    [Fact]
    public async Task A_bounded_event_query_ends_by_itself()
    {
        using var client = DockerEngineClient.FromEnvironment();
        var now = DateTimeOffset.UtcNow;
        var events = new List<EngineEvent>();

        await foreach (var item in client.MonitorEventsAsync(new EngineEventFilter { Since = now.AddSeconds(-2), Until = now, Types = ["container"] }))
        {
            events.Add(item);
        }

        Assert.All(events, e => Assert.Equal("container", e.Type));
    }
}
