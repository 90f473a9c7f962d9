using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;
using Smoke.Stack.Readiness;
using Smoke.Stack.Sessions;
using Smoke.Stack.Tests.Support;
using Smoke.Testing.Policy;

namespace Smoke.Release.Tests.Support;

/// <summary>
/// An environment of its own on the real engine: a compose file with an infrastructure service, the application (whose
/// image takes the release's tag) and a companion made from the app, run by <see cref="ComposeEnvironmentStack"/>. On
/// dispose its project, network and session are removed, and so is its repository root.
/// </summary>
internal sealed class DockerEnvironment : IAsyncDisposable
{
    private const string ComposeYaml = """
        services:
          db:
            image: ${BASE_IMAGE}
            command: ["sh", "-c", "echo ready to accept connections; exec sleep 300"]
            stop_signal: SIGKILL
            labels:
              io.smoke.wait.log: "ready to accept"
          api:
            image: ${APP_IMAGE:-none}:${APP_RELEASE:-none}
            depends_on: [db]
            stop_signal: SIGKILL
            labels:
              io.smoke.wait.log: "^ready$"
          companion:
            image: ${COMPANION_IMAGE:-none}
            stop_signal: SIGKILL
            labels:
              io.smoke.wait.log: "^ready$"
        """;

    private static readonly ImageRecipe AppRecipe = new(
        "app",
        "unused",
        EngineReleases.Repository,
        new Dictionary<string, string> { ["APP_IMAGE"] = "{repository}", ["APP_RELEASE"] = "{release}", ["COMPANION_IMAGE"] = "{image}" });

    private readonly ComposeStack _compose;

    private DockerEnvironment(ComposeStack compose, FlowSetup setup)
    {
        _compose = compose;
        Setup = setup;
        Stack = new ComposeEnvironmentStack(
            new EnvironmentStackOptions
            {
                Environment = Name,
                ComposeFile = compose.Project.Files[0],
                WorkingDirectory = compose.Directory,
                StacksDirectory = Path.Combine(compose.Directory, "stacks"),
                ImageVariables = new Dictionary<string, string> { ["BASE_IMAGE"] = TestImages.Base },
                AppRecipe = AppRecipe,
                ImageSource = ImageSource.Offline,
            },
            compose.Engine,
            _ => Task.FromResult(compose.Driver),
            WaitReadyAsync,
            setup.Log.Log);
    }

    public string Name => Setup.Options.Environment;

    public FlowSetup Setup { get; }

    public ComposeEnvironmentStack Stack { get; }

    public DockerEngineClient Engine => _compose.Engine;

    public static async Task<DockerEnvironment> CreateAsync()
    {
        var compose = await ComposeStack.CreateAsync(ComposeYaml);
        var setup = new FlowSetup();
        setup.Options = setup.Options with { Environment = $"t-flow-{StackSession.NewRunId()}", Secrets = [EngineReleases.Secret] };
        return new DockerEnvironment(compose, setup);
    }

    public DeployFlow Deploy() => new(Setup.Options, Setup.Store, Stack, Setup.Reporter, Setup.Log.Log);

    public RollbackFlow Rollback() =>
        new(Setup.Options, Setup.Store, Stack, Setup.Reporter, (_, _) => Task.FromResult(SmokeResults.CriticalRunPassed()), Setup.Log.Log);

    /// <summary>A deploy as the Deploy targets run it, judged by the real policy on the real readiness of the stack.</summary>
    /// <returns>The flow, for the rollback a failed verdict leaves.</returns>
    public async Task<DeployFlow> DeployAsync(string release)
    {
        var flow = Deploy();
        await flow.BeginAsync(release, gitSha: null, CancellationToken.None);
        var project = await flow.ProjectAsync(CancellationToken.None);
        await flow.BringUpAsync(project, CancellationToken.None);
        var ready = await WaitReadyAsync(project, CancellationToken.None);
        var services = ready.Services.Select(service => new ServiceReadinessOutcome(service.Service, service.IsCritical, service.IsReady) { Detail = service.Reason });
        var decision = new RollbackPolicy().Decide(new RollbackPolicyInput([]) { Services = [.. services] });
        try
        {
            await flow.JudgeAsync(new DeployEvidence(decision), CancellationToken.None);
        }
        catch (DeployFailedException) when (flow.PendingRollback is not null)
        {
            // The verdict failed the release: the test runs the rollback it left.
        }

        return flow;
    }

    /// <summary>Service name to the image and state of its container.</summary>
    public async Task<Dictionary<string, (string Image, string State)>> ContainersAsync()
    {
        var containers = await Engine.ListContainersAsync([$"{ComposeLabels.Project}={Stack.ProjectName}"], all: true);
        return containers.ToDictionary(container => container.Labels[ComposeLabels.Service], container => (container.Image, container.State));
    }

    /// <summary>What is left of the environment on <paramref name="engine"/>: containers and networks of its project or its session.</summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync(DockerEngineClient engine)
    {
        var filters = new[] { $"{ComposeLabels.Project}={Stack.ProjectName}", StackSession.ForEnvironment(Name).LabelFilter };
        var left = new List<string>();
        foreach (var filter in filters)
        {
            left.AddRange((await engine.ListContainersAsync([filter], all: true)).Select(container => $"container {container.Name}"));
            left.AddRange((await engine.ListNetworksAsync([filter])).Select(network => $"network {network.Name}"));
        }

        return left;
    }

    public async ValueTask DisposeAsync()
    {
        var project = new ComposeProject(_compose.Project.Files, StackSession.ForEnvironment(Name), Stack.ProjectName)
        {
            Variables = _compose.Project.Variables,
            StateDirectory = Path.Combine(_compose.Directory, "stacks", Stack.ProjectName),
        };
        try
        {
            await _compose.Driver.DownAsync(project, TimeSpan.Zero);
        }
        finally
        {
            await new SessionSweeper(Engine).RemoveSessionAsync(project.Session.RunId);
            await _compose.DisposeAsync();
            Setup.Dispose();
        }
    }

    private Task<ReadinessReport> WaitReadyAsync(ComposeProject project, CancellationToken cancellationToken) =>
        StackReadiness.WaitAsync(
            ReadinessRequest.ForCompose(Engine, project.Name) with
            {
                DefaultTimeout = TimeSpan.FromSeconds(60),
                DiagnosticsDirectory = Setup.Options.DiagnosticsDirectory,
            },
            cancellationToken: cancellationToken);
}
