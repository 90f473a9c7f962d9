using System.Collections;
using Smoke.Pipeline;
using Smoke.Stack.Readiness;
using Smoke.Stack.Validation;

namespace Smoke.Build;

/// <summary>The main job: prove the whole stack works.</summary>
internal sealed partial class Build
{
    [Parameter("Smoke test projects, as paths from the repository root")]
    public string[] SmokeProjects { get; set; } = [];

    [Parameter("Variables the environment profile must define")]
    public string[] RequiredVariables { get; set; } = [];

    [Parameter("How long a service may take to become ready, unless its io.smoke.wait.timeout label says otherwise")]
    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromSeconds(90);

    string SmokeArtifactsDirectory => Path.Combine(ArtifactsDirectory, "smoke");

    string DiagnosticsDirectory => Path.Combine(SmokeArtifactsDirectory, "diagnostics");

    ReadinessReport? readiness;

    Target ValidateConfig => _ => _
        .Description("Check the compose file, its io.smoke labels, the environment profile and the smoke projects; needs no Docker")
        .Executes(async ct =>
        {
            var report = await ComposeValidator.ValidateAsync(
                new ComposeValidationRequest
                {
                    ComposeFile = ComposeFilePath,
                    Profile = EnvironmentProfile,
                    EnvFiles = File.Exists(EnvFilePath) ? [EnvFilePath] : [],
                    Environment = ProcessEnvironment(),
                    RequiredVariables = RequiredVariables,
                    SmokeTestProjects = SmokeProjects,
                    BaseDirectory = RootDirectory,
                },
                ct);

            foreach (var problem in report.Problems)
            {
                var line = ConfigProblemFormatter.ToConsoleLine(problem, RootDirectory);
                var file = problem.File is { } path ? Path.GetRelativePath(RootDirectory, path) : null;
                if (problem.Severity == ConfigProblemSeverity.Error)
                {
                    Log.Error(line, file, problem.Line, problem.Column);
                }
                else
                {
                    Log.Warn(line, file, problem.Line, problem.Column);
                }
            }

            if (report.HasErrors)
            {
                ExitCode = 2;
                throw new InvalidOperationException(
                    $"{report.Errors.Count()} configuration error(s) in {Path.GetRelativePath(RootDirectory, ComposeFilePath)} or the {EnvironmentProfile} profile; each is listed above with its file and line (docs/validation.md says how to fix it)");
            }

            Log.Success(!report.Warnings.Any() ? "configuration is valid" : $"configuration is valid, with {report.Warnings.Count()} warning(s)");
        });

    Target WaitHealthy => _ => _
        .Description("Wait until every service is ready, then hand the tests their endpoints (SMOKE_* variables)")
        .DependsOn(ComposeUp)
        .Executes(async ct =>
        {
            var request = ReadinessRequest.ForCompose(Engine, stack!.Name) with
            {
                DependsOn = await ComposeDependencies.ReadFilesAsync([ComposeFilePath], ct),
                DefaultTimeout = ReadyTimeout,
                DiagnosticsDirectory = DiagnosticsDirectory,
            };
            readiness = await ReadinessConsole.WaitAsync(request, cancellationToken: ct);
            Directory.CreateDirectory(SmokeArtifactsDirectory);
            await readiness.Endpoints.WriteFileAsync(Path.Combine(SmokeArtifactsDirectory, "endpoints.json"), ct);
            readiness.EnsureReady();
        });

    Target Smoke => _ => _
        .Description("Validate, bring the stack up, wait until healthy, run the smoke tests, report, tear down")
        .DependsOn(ValidateConfig, WaitHealthy, ComposeDown);

    static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
}
