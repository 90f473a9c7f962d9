using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Sessions;

namespace Smoke.Stack.Tests.Readiness.Support;

/// <summary>
/// A stack made with the Engine API directly, its containers labelled the way compose labels them, so readiness sees
/// a compose project without compose's start-up time. Everything it creates goes away on dispose.
/// </summary>
public sealed class LabelledStack : IAsyncDisposable
{
    private readonly List<string> _created = [];

    public LabelledStack(DockerEngineClient engine)
    {
        Engine = engine;
        Project = $"rdy{StackSession.NewRunId()}";
    }

    public DockerEngineClient Engine { get; }

    public string Project { get; }

    public async Task<string> StartAsync(string service, CreateContainerRequest request)
    {
        var labels = new Dictionary<string, string>(request.Labels)
        {
            [ComposeLabels.Project] = Project,
            [ComposeLabels.Service] = service,
            [ComposeLabels.OneOff] = "False",
            ["io.smoke.test"] = "true",
        };
        var id = await Engine.CreateContainerAsync(request with { Labels = labels, Name = $"{Project}_{service}_1" });
        _created.Add(id);
        await Engine.StartContainerAsync(id);
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        var left = await Engine.ListContainersAsync([$"{ComposeLabels.Project}={Project}"]);
        foreach (var id in _created.Union(left.Select(c => c.Id)))
        {
            await Engine.RemoveContainerAsync(id);
        }
    }
}
