using Smoke.Pipeline;
using Smoke.Stack.Compose;
using Smoke.Testing.Quality;
using Smoke.Testing.Running;
using CoverageLimits = Smoke.Testing.Quality.CoverageThresholds;

namespace Smoke.Build;

/// <summary>Quality gates (docs/quality-gates.md): coverage of our own tests, time budgets of the smoke suites, repeated runs for flaky tests.</summary>
internal sealed partial class Build
{
    [Parameter("Line coverage, in percent, each of our libraries must reach in Test")]
    public int CoverageThreshold { get; set; } = 85;

    [Parameter("Coverage thresholds of particular libraries, as Assembly=percent (Smoke.Stack=70)")]
    public string[] CoverageThresholds { get; set; } = [];

    [Parameter("Run Test without collecting coverage, so without the coverage gate")]
    public bool NoCoverage { get; set; }

    [Parameter("Time budget of each smoke project as target/maximum (60s/120s): over the target warns, over the maximum fails")]
    public string ProjectBudget { get; set; } = "60s/120s";

    [Parameter("Time budgets of particular smoke projects, as Project=target/maximum (SmokeTests.Database=30s/60s)")]
    public string[] ProjectBudgets { get; set; } = [];

    [Parameter("Time budget of the whole SmokeTests target, build included, as target/maximum")]
    public string SmokeTestsBudget { get; set; } = "2m/5m";

    [Parameter("Run the smoke suite this many times against the same stack; a test whose outcome changes is flaky")]
    public int Repeat { get; set; } = 1;

    [Parameter("Run the smoke suite this many times, taking the stack down and up between runs (catches leftover state)")]
    public int RepeatStack { get; set; }

    [Parameter("Fail SmokeTests when a test is flaky: its outcome changed between runs, or it passed only on a retry")]
    public bool FailOnFlaky { get; set; }

    string CoverageDirectory => Path.Combine(ArtifactsDirectory, "coverage");

    RepeatedSmokeRunResult? repeatedRun;

    BudgetReport? budgetReport;

    /// <summary>Our libraries: every src/ project but the sample platform, which is tested by the smoke suites, not measured.</summary>
    IReadOnlyList<string> MeasuredAssemblies() =>
        Directory.EnumerateDirectories(Path.Combine(RootDirectory, "src"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != "Sample" && File.Exists(Path.Combine(RootDirectory, "src", name, name + ".csproj")))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>What follows <c>--</c> on <c>dotnet test</c>: coverlet instruments only the measured assemblies, and never generated code.</summary>
    IEnumerable<string> CoverageArguments(string resultsDirectory)
    {
        const string configuration = "DataCollectionRunSettings.DataCollectors.DataCollector.Configuration";
        return
        [
            "--collect", "XPlat Code Coverage", "--results-directory", resultsDirectory,
            "--",
            $"{configuration}.Format=cobertura",
            $"{configuration}.Include={string.Join(",", MeasuredAssemblies().Select(name => $"[{name}]*"))}",
            $"{configuration}.ExcludeByAttribute=GeneratedCodeAttribute,ExcludeFromCodeCoverageAttribute",
            // src/Shared is linked into several libraries; each copy would count against a library that uses only part of it.
            // Its own tests (SecretMaskTests, SecretNamesTests, EditDistanceTests) cover it; the gate measures each library's own code.
            $"{configuration}.ExcludeByFile=**/obj/**/*.cs,**/src/Shared/*.cs",
        ];
    }

    /// <summary>Merges the test projects' Cobertura files, writes artifacts/coverage/, and returns the gate's failure, if any.</summary>
    async Task<string?> ApplyCoverageGateAsync(string rawDirectory, CancellationToken cancellationToken)
    {
        // <project>/<run id>/coverage.cobertura.xml; the TRX logger keeps a second copy deeper down, which would count twice.
        var files = Directory.Exists(rawDirectory)
            ? Directory.EnumerateDirectories(rawDirectory)
                .SelectMany(project => Directory.EnumerateDirectories(project))
                .Select(run => Path.Combine(run, "coverage.cobertura.xml"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        if (files.Count == 0)
        {
            return $"no test project wrote coverage under {Path.GetRelativePath(RootDirectory, rawDirectory)}/; check that each references coverlet.collector, or run with --no-coverage";
        }

        var reports = new List<CoverageReport>();
        foreach (var file in files)
        {
            reports.Add(await CoberturaFile.ReadAsync(file, cancellationToken));
        }

        var thresholds = CoverageLimits.Parse(CoverageThreshold, CoverageThresholds);
        var result = CoverageGate.Evaluate(CoverageReport.Merge(reports), MeasuredAssemblies(), thresholds);
        var cobertura = Path.Combine(CoverageDirectory, "coverage.cobertura.xml");
        var html = Path.Combine(CoverageDirectory, "index.html");
        await CoberturaFile.WriteAsync(result.Measured, cobertura, DateTimeOffset.UtcNow, cancellationToken);
        await CoverageHtml.WriteAsync(result, html, RootDirectory, cancellationToken);

        foreach (var assembly in result.Assemblies)
        {
            if (assembly.Passed)
            {
                Log.Info($"coverage {assembly.Describe()}");
            }
            else
            {
                Log.Warn($"coverage {assembly.Describe()}");
            }
        }

        foreach (var file in result.LeastCovered(5))
        {
            Log.Info($"least covered: {file.PathFrom(RootDirectory)} {file.LinesCovered}/{file.LinesValid} lines");
        }

        Log.Info($"coverage of our libraries: {result.Measured.LinesCovered} of {result.Measured.LinesValid} lines; report in {Path.GetRelativePath(RootDirectory, html)}");
        return result.FailureMessage;
    }

    /// <summary>SmokeTests' run: once, or repeated (--repeat / --repeat-stack), then held to the time budgets.</summary>
    async Task<SmokeRunResult> RunSmokeSuiteAsync(SmokeRunOptions options, IEnumerable<string> projects, CancellationToken cancellationToken)
    {
        if (Repeat < 1 || RepeatStack < 0 || (RepeatStack > 0 && Repeat > 1))
        {
            throw BuildFailedException.InvalidUsage(
                $"--repeat {Repeat} and --repeat-stack {RepeatStack}: give --repeat N (N >= 1, same stack) or --repeat-stack N (fresh stack each run), not both");
        }

        if (RepeatStack > 0 && stack is null)
        {
            throw BuildFailedException.InvalidUsage("--repeat-stack needs the stack this run brought up, but ComposeUp did not run; run SmokeTests without --skip, or use --repeat");
        }

        var budgets = SuiteBudgets.Parse(ProjectBudget, SmokeTestsBudget, ProjectBudgets);
        var repeat = new SmokeRepeatOptions
        {
            Runs = Math.Max(Repeat, RepeatStack),
            BeforeRun = RepeatStack > 0 ? RestartStackAsync : null,
        };
        repeatedRun = await RepeatedSmokeRuns.RunAsync(options, projects, repeat, cancellationToken);
        budgetReport = SuiteBudgetCheck.Evaluate(repeatedRun.Runs, budgets, nameof(SmokeTests));

        if (repeatedRun.Runs.Count > 1)
        {
            var stable = repeatedRun.Histories.Count - repeatedRun.Flaky.Count;
            Log.Info($"{repeatedRun.Runs.Count} runs: {stable} test(s) had the same outcome every run, {repeatedRun.Flaky.Count} changed (flaky)");
            foreach (var history in repeatedRun.Flaky)
            {
                var test = $"{history.ClassName[(history.ClassName.LastIndexOf('.') + 1)..]}.{history.Name}";
                Log.Warn($"flaky: {history.Project} {test} ran {history.OutcomeLetters} (P passed, F failed); first failure: {history.FailureMessages.FirstOrDefault()}");
            }
        }

        foreach (var timing in budgetReport.Timings)
        {
            if (timing.Status == BudgetStatus.WithinTarget)
            {
                Log.Info($"budget: {timing.Describe()}");
            }
            else
            {
                Log.Warn($"budget: {timing.Describe()}");
            }
        }

        return repeatedRun.Combined with
        {
            Warnings = [.. repeatedRun.Combined.Warnings, .. budgetReport.Warnings],
            BudgetOverruns = budgetReport.Overruns,
        };
    }

    /// <summary>The gates' reasons to fail SmokeTests besides failed tests: a suite over its maximum time, flaky tests with --fail-on-flaky.</summary>
    IReadOnlyList<string> SmokeGateFailures(SmokeRunResult run)
    {
        var failures = new List<string>();
        if (budgetReport?.FailureMessage is { } budget)
        {
            failures.Add(budget);
        }

        if (FailOnFlaky && run.Flaky > 0)
        {
            var names = run.Projects.SelectMany(project => project.Tests.Where(test => test.IsFlaky).Select(test => $"{project.Name} {test.DisplayName}"));
            failures.Add($"{run.Flaky} flaky test(s) and --fail-on-flaky is set: {string.Join(", ", names)}; the summary lists their failures");
        }

        return failures;
    }

    /// <summary>--repeat-stack: a fresh stack (volumes removed) before every run after the first, and its new endpoints for the tests.</summary>
    async Task<IReadOnlyDictionary<string, string>?> RestartStackAsync(int run, CancellationToken cancellationToken)
    {
        var compose = await ComposeAsync(cancellationToken);
        Log.Info($"run {run}: taking {stack!.Name} down with its volumes and bringing it up again");
        await compose.DownAsync(stack, StopTimeout, cancellationToken);
        await compose.UpAsync(stack, cancellationToken: cancellationToken);
        readiness = await WaitReadyAsync(stack, cancellationToken);
        readiness.EnsureReady();
        return readiness.Endpoints.ToEnvironment(Path.Combine(SmokeArtifactsDirectory, "endpoints.json"));
    }
}
