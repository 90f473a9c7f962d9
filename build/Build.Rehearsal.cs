using Smoke.Build.Rehearsal;
using Smoke.Pipeline;
using Smoke.Stack.Engine;
using Smoke.Stack.Images;

namespace Smoke.Build;

/// <summary>
/// Where our users run: a GitHub-hosted runner (a non-root user with passwordless sudo, a registry, Docker Engine 26+
/// and Compose v2), rehearsed on this machine beside its own engine (docs/ci.md).
/// </summary>
internal sealed partial class Build
{
    [Parameter("Workflows RunnerRehearsal replays, as file names under .github/workflows/")]
    public string[] RehearsalWorkflows { get; set; } = ["smoke.yml", "ci.yml"];

    [Parameter("Set inside the runner rehearsal: the steps that need root (the rig, the runner's own smoke run) are skipped")]
    public bool InRehearsal { get; set; }

    /// <summary>What the rehearsal's registry serves under each Docker Hub name: the images this machine's Images made.</summary>
    IEnumerable<(string HubName, string LocalImage)> RegistrySeed() =>
    [
        .. ImageRecipes.Bundled
            .Where(recipe => recipe.OfficialImage is not null)
            .Select(recipe => (recipe.OfficialImage!, recipe.Variables.Where(v => v.Value == "{image}").Select(v => imageVariables.GetValueOrDefault(v.Key)).FirstOrDefault(i => i is not null) ?? recipe.OfficialImage!)),
        .. ImageRecipes.Bundled
            .Where(recipe => recipe.PullableBase is not null)
            .Select(recipe => (recipe.PullableBase!, imageVariables.GetValueOrDefault("SMOKE_BASE_IMAGE") ?? recipe.PullableBase!)),
    ];

    /// <summary>
    /// The rig needs root (a bridge, iptables rules, a user), and inside the rehearsal the runner has none; on a
    /// GitHub-hosted runner, the real thing it rehearses, it is not built either.
    /// </summary>
    bool CanRehearse => !InRehearsal && Environment.IsPrivilegedProcess && OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("GITHUB_ACTIONS") != "true";

    /// <summary>The base image of the engine-facing tests on Engine 26, pulled from the rehearsal's registry.</summary>
    const string Engine26TestBase = "debian:bookworm-slim";

    Target RehearsalRig => _ => _
        .Description("Rehearsal rig (root only): Docker Engine 26 beside this machine's engine, a registry on 127.0.0.1:5000 seeded with the images Images made, and a `runner` user with passwordless sudo")
        .Unlisted()
        .OnlyWhenStatic(() => CanRehearse)
        .DependsOn(Images)
        .Before(ComposeUp) // its second engine and iptables rules are set up before this run's stack comes up, not under it
        .Executes(async ct =>
        {
            await RehearsalRegistry.EnsureAsync(ct);
            foreach (var (hubName, localImage) in RegistrySeed())
            {
                await RehearsalRegistry.SeedAsync(localImage, hubName, ct);
            }

            await Engine26.EnsureAsync(RehearsalRegistry.Mirror, ct);

            // The engine-facing tests' second pass (Test) runs its containers on this base, pulled as any runner would.
            using var engine26 = new DockerEngineClient(Engine26.Endpoint);
            await engine26.PullImageAsync(Engine26TestBase, _ => { }, ct);
            if (!OperatingSystem.IsWindows())
            {
                await RunnerAccount.EnsureAsync(ct);
            }
        });

    Target RunnerSmoke => _ => _
        .Description("As the rehearsal's non-root runner, from a fresh clone: ./build.sh Smoke on Engine 26, Compose v2 and the registry, with no debootstrap")
        .OnlyWhenStatic(() => CanRehearse)
        .DependsOn(RehearsalRig)
        .TriggeredBy(Test)
        .After(Ci) // Ci's summary lists what it invoked before the runner's run that Test triggers
        .Executes(async ct =>
        {
            var rehearsal = await NewRehearsalAsync(ct);
            var clone = await rehearsal.CloneAsync(ct);
            var result = await RunnerAccount.RunAsync("./build.sh Smoke", clone, RehearsalEnvironment, allowFailure: true, ct);
            var verdict = RunnerSmokeVerdict.Of(result);
            if (verdict is not null)
            {
                throw new BuildFailedException($"the runner's ./build.sh Smoke {verdict}; its output is above, its artifacts in {clone}/artifacts");
            }

            Log.Success("the runner's ./build.sh Smoke is green: no root, no debootstrap, Compose v2 on Docker Engine 26, images from the registry");
        });

    Target RunnerRehearsal => _ => _
        .Description("Rehearse the generated workflows on this machine: every job of ci.yml and smoke.yml, as a non-root runner with sudo, a registry, Engine 26 and Compose v2 (root only; run before each release)")
        .Requires(() => CanRehearse, "the rehearsal builds its rig as root on Linux, outside GitHub Actions: run ./build.sh RunnerRehearsal as root")
        .DependsOn(RehearsalRig)
        .Executes(async ct =>
        {
            var rehearsal = await NewRehearsalAsync(ct);
            var failed = new List<string>();
            foreach (var workflow in RehearsalWorkflows)
            {
                failed.AddRange(await rehearsal.RunAsync(Path.Combine(RootDirectory, ".github", "workflows", workflow), ct));
            }

            if (failed.Count > 0)
            {
                throw new BuildFailedException($"the rehearsal's {string.Join(", ", failed)} failed; their output is above");
            }

            Log.Success("every job of ci.yml and smoke.yml is green as a non-root runner");
        });

    /// <summary>The job environment: Engine 26's socket, and the flag that keeps Test inside the rehearsal from starting another one.</summary>
    static Dictionary<string, string> RehearsalEnvironment => new()
    {
        ["DOCKER_HOST"] = Engine26.Endpoint.ToString(),
        ["SMOKE_IN_REHEARSAL"] = "true",
        ["CI"] = "true",
    };

    async Task<WorkflowRehearsal> NewRehearsalAsync(CancellationToken cancellationToken)
    {
        var directory = Path.Combine(RunnerAccount.Home, "work", "rehearsal");
        if (Directory.Exists(directory))
        {
            await Tool.RunAsync("rm", ["-rf", "--one-file-system", directory], quiet: true, cancellationToken: cancellationToken);
        }

        Directory.CreateDirectory(directory);
        return new WorkflowRehearsal(RootDirectory, directory, RehearsalEnvironment);
    }
}
