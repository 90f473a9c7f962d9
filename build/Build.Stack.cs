using System.Text.Json;
using Smoke.Pipeline;
using Smoke.Stack.Compose;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;
using Smoke.Stack.Installation;
using Smoke.Stack.Sessions;

namespace Smoke.Build;

/// <summary>The stack under test: a Docker engine, its images, and the compose project up and down.</summary>
internal sealed partial class Build
{
    [Parameter("Compose file of the stack under test; Compose's own COMPOSE_FILE, a list of files, is not read")]
    public string ComposeFile { get; set; } = "docker-compose.services.yml";

    [Parameter("Compose project name; every run gets its own when empty")]
    public string? ProjectName { get; set; }

    [Parameter("Where images come from: Auto (pull, else build offline), Pull, or Offline (never pull)")]
    public ImageSource ImageSource { get; set; } = ImageSource.Auto;

    [Parameter("Which Compose runs the stack: V2 (docker compose) or V1 (docker-compose 1.x); default V2 where it answers, else V1")]
    public ComposeFlavor? Compose { get; set; }

    [Parameter("A Debian bookworm image to build on instead of the default base (a pulled debian:bookworm-slim for the sample app, else one made with debootstrap); pulled when not on the engine, except with --image-source offline")]
    public string? BaseImage { get; set; }

    [Parameter("Never install or start a Docker engine; say what is missing instead")]
    public bool NoInstall { get; set; }

    [Parameter("Env file with the stack's variables; default .env.<profile>, .env.dev without a profile")]
    public string? EnvFile { get; set; }

    [Parameter("Release of the application images: what Deploy brings up (v42), or what Rollback goes back to; Smoke builds its image under this tag (default dev)")]
    public string? Release { get; set; }

    [Parameter("The environment runs elsewhere: no Docker, no compose up or down, only HTTP and TCP probes of --remote-services")]
    public bool Remote { get; set; }

    [Parameter("Services of a remote environment: api=https://host/healthz/ready for HTTP, postgres=tcp://host:5432 for TCP")]
    public string[] RemoteServices { get; set; } = [];

    [Parameter("Bake this SAMPLE_FAULT into the sample app's image to rehearse a bad release: ready-never, crash-on-start, slow-start=<seconds>, http-500, break-queue")]
    public string? SampleFault { get; set; }

    [Parameter("How long each container gets to stop when ComposeDown takes the stack down, before it is killed; the stack and its volumes are deleted anyway")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The tag Smoke builds the app under: the release asked for, a fault's own tag (never dev), or dev.</summary>
    string AppImageTag => Release ?? (SampleFault is { Length: > 0 } fault ? "fault-" + new string([.. fault.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]) : "dev");

    /// <summary>The environment profile: the last --profile given, dev without one.</summary>
    string EnvironmentProfile => Profile.LastOrDefault() ?? "dev";

    string ComposeFilePath => Path.GetFullPath(ComposeFile, RootDirectory);

    ComposeFileModel? composeModel;

    /// <summary>The compose file, read once per run and handed to images, compose, readiness and deploy (docs/architecture.md).</summary>
    ComposeFileModel ComposeModel => composeModel ??= ComposeFileModel.Read([ComposeFilePath]);

    string EnvFilePath => Path.GetFullPath(EnvFile ?? $".env.{EnvironmentProfile}", RootDirectory);

    /// <summary>A stack left running on purpose (ComposeUp without ComposeDown), so a later run can take it down.</summary>
    string KeptStackFile => Path.Combine(TemporaryDirectory, "stack.json");

    readonly Lazy<DockerEngineClient> engine = new(() => DockerEngineClient.FromEnvironment());

    DockerEngineClient Engine => engine.Value;

    IReadOnlyDictionary<string, string> imageVariables = new Dictionary<string, string>();

    ComposeProject? stack;

    Task<ComposeDriver>? composeDetection;

    /// <summary>
    /// The compose command, detected once per run (each detection starts compose to ask for its version); a detection
    /// that failed or was cancelled is tried again, so ComposeDown still finds compose after a Ctrl+C during ComposeUp.
    /// </summary>
    Task<ComposeDriver> ComposeAsync(CancellationToken cancellationToken)
    {
        if (composeDetection is not { IsFaulted: false, IsCanceled: false })
        {
            composeDetection = ComposeDriver.DetectAsync(Engine, Log.Info, cancellationToken, Compose);
        }

        return composeDetection;
    }

    Target EnsureDocker => _ => _
        .Description("Make sure a Docker engine and Compose answer; install and start them where allowed (root or passwordless sudo on Debian)")
        .OnlyWhenStatic(() => !Remote)
        .After(ValidateConfig) // the config check needs no Docker, so a broken compose file fails before any engine is touched
        .Executes(async ct =>
        {
            var installer = new DockerEngineInstaller(
                new DockerEngineInstallerOptions
                {
                    AllowInstall = !NoInstall,
                    DaemonLogPath = Path.Combine(TemporaryDirectory, "dockerd.log"),
                    WorkDirectory = TemporaryDirectory,
                    NeedsDebootstrap = ImageSource == ImageSource.Offline,
                },
                Log.Info);
            await installer.EnsureAsync(ct);
        });

    Target Images => _ => _
        .Description("Make every image the compose file needs exist: pull, or build offline from Debian packages")
        .OnlyWhenStatic(() => !Remote)
        .DependsOn(EnsureDocker)
        .WhenSkipped(DependencyBehavior.Execute) // --skip Images means "they are there": the engine must still answer
        .Executes(async ct =>
        {
            // A deployed release is an image that exists already; building the app from source here would pass it off as the release.
            var deploying = DeployEnvironment is not null;
            var published = deploying ? null : await PublishSampleAsync(ct);
            var provisioner = new ImageProvisioner(Engine, Log.Info);
            var result = await provisioner.ProvisionAsync(
                new ImageProvisioningRequest(ComposeModel, RootDirectory)
                {
                    Source = ImageSource,
                    BaseImage = BaseImage is { Length: > 0 } baseImage ? baseImage : null,
                    Recipes = deploying ? [.. ImageRecipes.Bundled.Where(recipe => recipe.PublishedAppPath is null)] : ImageRecipes.Bundled,
                    PublishedAppDirectory = published,
                    ReleaseTag = AppImageTag,
                    BuildArgs = SampleFault is { Length: > 0 } fault ? new Dictionary<string, string> { ["SAMPLE_FAULT"] = fault } : new Dictionary<string, string>(),
                    WorkDirectory = Path.Combine(TemporaryDirectory, "images"),
                },
                ct);
            // A pulled official image sets no variable (compose's default names it), but the tests need every image named.
            var named = new Dictionary<string, string>(result.Variables);
            foreach (var image in result.Images)
            {
                foreach (var variable in ImageRecipes.Bundled.Where(r => r.Name == image.Name && r.OfficialImage == image.Reference).SelectMany(r => r.Variables).Where(v => v.Value == "{image}"))
                {
                    named.TryAdd(variable.Key, image.Reference);
                }
            }

            if (result.BaseImage is { } builtOn)
            {
                named["SMOKE_BASE_IMAGE"] = builtOn;
            }

            imageVariables = named;
        });

    Target ComposeUp => _ => _
        .Description("Bring the compose stack up, after sweeping what killed runs left behind; with --environment, move that environment's stack to the release")
        .OnlyWhenStatic(() => !Remote)
        .Requires(() => StopTimeout >= TimeSpan.Zero, "--stop-timeout is how long containers get to stop: 0s (kill at once) or more")
        .DependsOn(Images)
        .After(ValidateConfig)
        .Executes(async ct =>
        {
            var detection = ComposeAsync(ct); // compose answers its version while the sweep runs
            await SweepOrphansAsync(ct);
            if (DeployEnvironment is not null)
            {
                await BringUpReleaseAsync(ct);
                return;
            }

            var session = StackSession.ForCurrentProcess();
            var name = ComposeProjectName.Normalize(ProjectName ?? ComposeProjectName.ForRun(session.RunId));
            stack = new ComposeProject([ComposeFilePath], session, name)
            {
                Model = ComposeModel,
                EnvFile = File.Exists(EnvFilePath) ? EnvFilePath : null,
                Variables = imageVariables,
                WorkingDirectory = RootDirectory,
                StateDirectory = Path.Combine(TemporaryDirectory, "stacks", name),
                QuietHealthchecks = true,
            };
            await File.WriteAllTextAsync(KeptStackFile, JsonSerializer.Serialize(new KeptStack(stack.Name, stack.Session.RunId)), ct);
            var compose = await detection;
            Log.Info($"bringing up {stack.Name} with {compose.CommandName} {compose.Version}");
            await compose.UpAsync(stack, cancellationToken: ct);
        });

    Target ComposeDown => _ => _
        .Description("Take the stack down with its volumes and remove everything the run created (never an environment's stack)")
        .OnlyWhenStatic(() => !Remote)
        .AssuredAfterFailure()
        .OnlyWhenStatic(() => DeployEnvironment == null)
        .After(ComposeUp, WaitHealthy, SmokeTests, Report)
        .Executes(async ct =>
        {
            var compose = await ComposeAsync(ct);
            var project = stack ?? KeptProject();
            if (project is null)
            {
                Log.Info("no stack of this checkout is running; nothing to take down");
                return;
            }

            await compose.DownAsync(project, StopTimeout, ct);
            var swept = await new SessionSweeper(Engine, Log.Info).RemoveSessionAsync(project.Session.RunId, ct);
            if (!swept.IsEmpty)
            {
                Log.Info($"also removed: {swept}");
            }

            File.Delete(KeptStackFile);
            Log.Success($"{project.Name} is down; nothing of it is left");
        });

    async Task SweepOrphansAsync(CancellationToken cancellationToken)
    {
        var swept = await new SessionSweeper(Engine, Log.Info).SweepOrphansAsync(cancellationToken);
        if (!swept.IsEmpty)
        {
            Log.Warn($"swept resources of runs whose process is gone: {swept}");
        }
    }

    /// <summary>Clean's share: every Smoke-labelled resource goes, when an engine answers (Clean never installs one).</summary>
    async Task RemoveAllStacksAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Engine.PingAsync(cancellationToken);
        }
        catch (DockerEngineUnreachableException ex)
        {
            Log.Info($"no Docker engine answers, so no stacks to remove ({ex.Message})");
            return;
        }

        var removed = await new SessionSweeper(Engine, Log.Info).RemoveAllAsync(cancellationToken);
        Log.Info(removed.IsEmpty ? "no Smoke containers, networks or volumes were left on the engine" : $"removed {removed}");
        File.Delete(KeptStackFile);
    }

    /// <summary>The stack an earlier run of this checkout left up (./build.sh ComposeUp), if any.</summary>
    ComposeProject? KeptProject()
    {
        if (!File.Exists(KeptStackFile))
        {
            return null;
        }

        var kept = JsonSerializer.Deserialize<KeptStack>(File.ReadAllText(KeptStackFile))
                   ?? throw new BuildFailedException($"{KeptStackFile} is empty; delete it and run ./build.sh Clean to remove every Smoke stack");
        return new ComposeProject([ComposeFilePath], StackSession.ForCurrentProcess(kept.RunId), kept.Name)
        {
            Model = ComposeModel,
            EnvFile = File.Exists(EnvFilePath) ? EnvFilePath : null,
            WorkingDirectory = RootDirectory,
            StateDirectory = Path.Combine(TemporaryDirectory, "stacks", kept.Name),
        };
    }
}
