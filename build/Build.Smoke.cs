using System.Collections;
using Smoke.Pipeline;
using Smoke.Stack.Readiness;
using Smoke.Stack.Validation;
using Smoke.Testing.Policy;
using Smoke.Testing.Reports;
using Smoke.Testing.Running;

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

    [Parameter("Which smoke tests run: Full (all), Quick (Level 1-2 or Critical) or Critical (only Critical=true)")]
    public SmokeRunMode Mode { get; set; } = SmokeRunMode.Full;

    [Parameter("Run only these smoke projects or categories")]
    public string[] Only { get; set; } = [];

    [Parameter("Re-run failed smoke tests up to this many times; one that then passes is reported flaky")]
    public int Retries { get; set; }

    [Parameter("How many smoke projects run at once", DefaultText = "the core count")]
    public int MaxParallel { get; set; } = Environment.ProcessorCount;

    [Parameter("Longest one smoke project may run before it is killed and reported as hung")]
    public TimeSpan SmokeProjectTimeout { get; set; } = TimeSpan.FromMinutes(10);

    string SmokeArtifactsDirectory => Path.Combine(ArtifactsDirectory, "smoke");

    string DiagnosticsDirectory => Path.Combine(SmokeArtifactsDirectory, "diagnostics");

    ReadinessReport? readiness;

    SmokeRunResult? smokeRun;

    SmokeBuildResult? smokeBuild;

    readonly DateTimeOffset buildStarted = DateTimeOffset.UtcNow;

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
                var line = ConfigProblemFormatter.ToHostMessage(problem);
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
                throw BuildFailedException.InvalidUsage(
                    $"{report.Errors.Count()} configuration error(s) in {Path.GetRelativePath(RootDirectory, ComposeFilePath)} or the {EnvironmentProfile} profile; each is in the ValidateConfig output with its file and line (docs/validation.md says how to fix it)");
            }

            Log.Success(!report.Warnings.Any() ? "configuration is valid" : $"configuration is valid, with {report.Warnings.Count()} warning(s)");
        });

    Target CompileSmokeTests => _ => _
        .Description("Build the smoke test projects, in the background while the stack comes up")
        .InBackground()
        .After(ValidateConfig)
        .Executes(async ct =>
        {
            var options = SmokeOptions(null, Path.Combine(ArtifactsDirectory, "test-results")) with { Mode = Mode };
            smokeBuild = await new SmokeTestRunner(options).BuildAsync(SmokeShard.Select(SmokeProjectFiles()), ct);
            foreach (var failure in smokeBuild.Failures)
            {
                // Not this target's failure: SmokeTests reports the project as build-failed and runs the others.
                Log.Warn(failure.Note);
            }

            Log.Info($"built {smokeBuild.ProjectPaths.Count} smoke test project(s) in {smokeBuild.Duration.TotalSeconds:0.0}s"
                + (smokeBuild.Succeeded ? string.Empty : $"; {smokeBuild.Failures.Count} did not compile and will be reported by SmokeTests"));
        });

    Target SmokeTests => _ => _
        .Description("Run the smoke test projects against the ready stack, in parallel, with JUnit results")
        .DependsOn(CompileSmokeTests, WaitHealthy)
        .WhenSkipped(DependencyBehavior.Execute) // --skip SmokeTests still brings the stack (in Deploy, the release) up and checks its health
        .Executes(async ct =>
        {
            var options = SmokeOptions(readiness, Path.Combine(ArtifactsDirectory, "test-results")) with { Mode = Mode, Retries = Retries, Build = smokeBuild };
            smokeRun = await RunSmokeSuiteAsync(options, SmokeShard.Select(SmokeProjectFiles()), ct);
            foreach (var line in ConsoleReport.Lines(smokeRun, options.Secrets))
            {
                Log.Info(line);
            }

            if (smokeRun.FailureNote(SmokeGateFailures(smokeRun)) is { } failure)
            {
                throw new BuildFailedException(failure);
            }
        });

    Target Report => _ => _
        .Description("Write artifacts/smoke/report.json, summary.md and report.html, and the step summary on GitHub Actions")
        .AssuredAfterFailure()
        .After(ValidateConfig, WaitHealthy, SmokeTests)
        .Executes(async ct =>
        {
            var report = await CurrentRunReportAsync(ct);
            var files = await SmokeReport.WriteAsync(report, SmokeArtifactsDirectory, StackSecrets(), ct);
            Log.Info($"report written: {Path.GetRelativePath(RootDirectory, files.Html)}, {Path.GetRelativePath(RootDirectory, files.Markdown)}, {Path.GetRelativePath(RootDirectory, files.Json)}");

            await Log.SummaryAsync(await File.ReadAllTextAsync(files.Markdown, ct), ct);

            Log.Info(report.Verdict == RunVerdict.Passed ? "verdict: passed" : $"verdict: failed ({string.Join("; ", report.FailureReasons)})");
            if (smokeRun is not null)
            {
                Log.Info(ConsoleReport.TotalsLine(smokeRun.Tests));
            }
        });

    Target Smoke => _ => _
        .Description("Validate, bring the stack up, wait until healthy, run the smoke tests, report, tear down")
        .DependsOn(ValidateConfig, SmokeTests, Report, ComposeDown);

    async Task<RunReport> CurrentRunReportAsync(CancellationToken cancellationToken)
    {
        var services = readiness?.Services ?? [];
        return new RunReport(
            new RunInfo(stack?.Session.RunId ?? "local", buildStarted, DateTimeOffset.UtcNow, Environment.MachineName)
            {
                GitSha = await CommitOfCheckoutAsync(cancellationToken),
                Profile = EnvironmentProfile,
            })
        {
            Targets = Outcomes.Select(o => new ReportedTarget(o.Name, Enum.Parse<ReportedTargetStatus>(o.Status.ToString()), o.Duration, o.Note) { Start = o.Start }).ToList(),
            Services = services.Select(s => new ReportedService(s.Service, s.IsReady, s.Elapsed, s.Reason) { Critical = s.IsCritical, Start = s.FinishedAt - s.Elapsed }).ToList(),
            Smoke = smokeRun,
            Rollback = smokeRun is null && readiness is null ? null : RollbackDecisionFor(smokeRun, services),
        };
    }

    RollbackDecision RollbackDecisionFor(SmokeRunResult? run, IReadOnlyList<ServiceReadiness> services) =>
        new RollbackPolicy(PolicyOptions).Decide(new RollbackPolicyInput(run?.Tests ?? [])
        {
            Services = services.Select(s => new ServiceReadinessOutcome(s.Service, s.IsCritical, s.IsReady) { Detail = s.Reason, Elapsed = s.Elapsed }).ToList(),
            BudgetOverruns = run?.BudgetOverruns ?? [],
        });

    /// <summary>
    /// How smoke projects run against a ready stack: the stack's variables (credentials included, masked from now on)
    /// and its endpoints in their environment, our JUnit logger, the parallelism and timeout asked for.
    /// </summary>
    SmokeRunOptions SmokeOptions(ReadinessReport? ready, string resultsDirectory)
    {
        var stackVariables = StackVariables();
        var secrets = global::Smoke.Shared.SecretMask.For(stackVariables).Values;
        foreach (var secret in secrets)
        {
            Log.Secret(secret);
        }

        var environment = new Dictionary<string, string>(stackVariables, StringComparer.Ordinal);
        foreach (var (name, value) in ready?.Endpoints.ToEnvironment(Path.Combine(SmokeArtifactsDirectory, "endpoints.json")) ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new SmokeRunOptions
        {
            ResultsDirectory = resultsDirectory,
            LoggerDirectory = JUnitLoggerDirectory(),
            MaxParallel = MaxParallel,
            ProjectTimeout = SmokeProjectTimeout,
            Only = Only,
            Environment = environment,
            Secrets = secrets,
            Progress = Log.Info,
        };
    }

    /// <summary>The listed smoke projects as project files; a listed folder means the one .csproj in it.</summary>
    IEnumerable<string> SmokeProjectFiles() =>
        SmokeProjects
            .Select(project => Path.GetFullPath(project, RootDirectory))
            .Select(path => Directory.Exists(path) && Directory.GetFiles(path, "*.csproj") is [var single] ? single : path);

    /// <summary>The logger alone in its own folder: VSTest scans an adapter path for *.TestLogger.dll.</summary>
    string JUnitLoggerDirectory()
    {
        var directory = Path.Combine(TemporaryDirectory, "junit-logger");
        Directory.CreateDirectory(directory);
        var logger = typeof(Smoke.JUnit.TestLogger.JUnitLogger).Assembly.Location;
        File.Copy(logger, Path.Combine(directory, Path.GetFileName(logger)), overwrite: true);
        return directory;
    }

    /// <summary>The stack's variables, read from the env file as compose reads it.</summary>
    IReadOnlyDictionary<string, string> StackVariables() => global::Smoke.Stack.Validation.EnvFile.Read(EnvFilePath);

    /// <summary>The values of the stack's variables named like a secret, as the one mask sees them.</summary>
    IReadOnlyList<string> StackSecrets() => global::Smoke.Shared.SecretMask.For(StackVariables()).Values;

    static Dictionary<string, string> ProcessEnvironment() =>
        Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => (string?)entry.Value ?? "", StringComparer.Ordinal);
}
