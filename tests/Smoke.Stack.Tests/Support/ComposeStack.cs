using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Sessions;

namespace Smoke.Stack.Tests.Support;

/// <summary>A compose file in a temp dir and a project of its own; disposing brings it down and removes the session's leftovers.</summary>
internal sealed class ComposeStack : IAsyncDisposable
{
    private ComposeStack(string directory, ComposeProject project, DockerEngineClient engine, ComposeDriver driver, List<string> log)
    {
        Log = log;
        Directory = directory;
        Project = project;
        Engine = engine;
        Driver = driver;
    }

    public string Directory { get; }

    public ComposeProject Project { get; }

    public DockerEngineClient Engine { get; }

    public ComposeDriver Driver { get; }

    /// <summary>What the driver reported: its detection, and each compose command it ran.</summary>
    public List<string> Log { get; }

    /// <summary>SMOKE_COMPOSE=V1 runs these tests on docker-compose 1.x, as ./build.sh Test does once after the v2 run.</summary>
    public static ComposeFlavor? AskedFlavor =>
        Enum.TryParse<ComposeFlavor>(Environment.GetEnvironmentVariable("SMOKE_COMPOSE"), ignoreCase: true, out var flavor) ? flavor : null;

    public static async Task<ComposeStack> CreateAsync(string composeYaml, bool quietHealthchecks = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"smoke-compose-test-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "docker-compose.yml");
        await File.WriteAllTextAsync(file, composeYaml);
        var session = StackSession.ForCurrentProcess();
        var project = new ComposeProject([file], session)
        {
            Variables = new Dictionary<string, string> { ["BASE_IMAGE"] = TestImages.Base },
            StateDirectory = Path.Combine(directory, "state"),
            QuietHealthchecks = quietHealthchecks,
        };
        var engine = DockerEngineClient.FromEnvironment();
        var log = new List<string>();
        var driver = await ComposeDriver.DetectAsync(engine, line => { lock (log) { log.Add(line); } }, flavor: AskedFlavor);
        return new ComposeStack(directory, project, engine, driver, log);
    }

    public async Task<IReadOnlyList<string>> LeftoversAsync()
    {
        var filter = new[] { Project.Session.LabelFilter };
        var containers = await Engine.ListContainersAsync(filter);
        var networks = await Engine.ListNetworksAsync(filter);
        var volumes = await Engine.ListVolumesAsync(filter);
        var byProject = await Engine.ListContainersAsync([Project.LabelFilter]);
        return [.. containers.Select(c => $"container {c.Name}"), .. networks.Select(n => $"network {n.Name}"), .. volumes.Select(v => $"volume {v.Name}"), .. byProject.Select(c => $"project container {c.Name}")];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Driver.DownAsync(Project);
        }
        finally
        {
            await new SessionSweeper(Engine).RemoveSessionAsync(Project.Session.RunId);
            Engine.Dispose();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
