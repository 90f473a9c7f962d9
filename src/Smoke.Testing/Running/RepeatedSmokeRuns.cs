using System.Xml.Linq;
using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>
/// Runs the smoke suite several times against the same stack (or a fresh one each time, through
/// <see cref="SmokeRepeatOptions.BeforeRun"/>) and combines the runs, so that a test whose outcome changes between
/// runs shows up as flaky in the JUnit files, the reports and the histories.
/// </summary>
public static class RepeatedSmokeRuns
{
    private static readonly SmokeProjectStatus[] Severity =
        [SmokeProjectStatus.BuildFailed, SmokeProjectStatus.Hung, SmokeProjectStatus.Crashed, SmokeProjectStatus.Failed];

    /// <summary>
    /// Runs <paramref name="projectPaths"/> <see cref="SmokeRepeatOptions.Runs"/> times from one build: the
    /// <see cref="SmokeRunOptions.Build"/> made ahead, else one made before the first run (none with
    /// <see cref="SmokeRunOptions.NoBuild"/>), whose failures every run reports. Each run writes its JUnit files under
    /// <c>&lt;results&gt;/repeats/run-&lt;n&gt;/</c>; the combined file per project goes to <c>&lt;results&gt;/</c>.
    /// </summary>
    public static async Task<RepeatedSmokeRunResult> RunAsync(
        SmokeRunOptions options, IEnumerable<string> projectPaths, SmokeRepeatOptions repeat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(projectPaths);
        ArgumentNullException.ThrowIfNull(repeat);
        repeat.Validate();
        var paths = projectPaths.ToList();
        if (repeat.Runs == 1)
        {
            var single = await new SmokeTestRunner(options).RunAsync(paths, cancellationToken).ConfigureAwait(false);
            return new RepeatedSmokeRunResult([single], single, await HistoriesAsync([single], cancellationToken).ConfigureAwait(false));
        }

        var results = Path.GetFullPath(options.ResultsDirectory);
        var repeats = Path.Combine(results, "repeats");
        if (Directory.Exists(repeats))
        {
            Directory.Delete(repeats, recursive: true);
        }

        // One build for every run, so a project that did not compile is reported so in each run, never run stale.
        if (options.Build is null && !options.NoBuild)
        {
            options = options with { Build = await new SmokeTestRunner(options).BuildAsync(paths, cancellationToken).ConfigureAwait(false) };
        }

        var environment = options.Environment;
        var runs = new List<SmokeRunResult>();
        for (var number = 1; number <= repeat.Runs; number++)
        {
            if (number > 1 && repeat.BeforeRun is { } beforeRun
                && await beforeRun(number, cancellationToken).ConfigureAwait(false) is { } replaced)
            {
                var merged = new Dictionary<string, string>(environment, StringComparer.Ordinal);
                foreach (var (name, value) in replaced)
                {
                    merged[name] = value;
                }

                environment = merged;
            }

            options.Progress?.Invoke($"run {number} of {repeat.Runs}");
            var runOptions = options with
            {
                ResultsDirectory = Path.Combine(repeats, $"run-{number}"),
                Environment = environment,
            };
            runs.Add(await new SmokeTestRunner(runOptions).RunAsync(paths, cancellationToken).ConfigureAwait(false));
        }

        return await CombineAsync(runs, results, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Combines finished runs of the same projects; writes one JUnit file per project into <paramref name="resultsDirectory"/>.</summary>
    public static async Task<RepeatedSmokeRunResult> CombineAsync(IReadOnlyList<SmokeRunResult> runs, string resultsDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("there are no runs to combine; run the suite at least once", nameof(runs));
        }

        Directory.CreateDirectory(resultsDirectory);
        var projects = new List<SmokeProjectResult>();
        foreach (var name in runs.SelectMany(run => run.Projects).Select(project => project.Name).Distinct(StringComparer.Ordinal))
        {
            var perRun = runs.Select(run => run.Projects.FirstOrDefault(project => project.Name == name)).OfType<SmokeProjectResult>().ToList();
            projects.Add(await CombineProjectAsync(perRun, resultsDirectory, cancellationToken).ConfigureAwait(false));
        }

        var combined = new SmokeRunResult(projects, runs[0].Start, TimeSpan.FromTicks(runs.Sum(run => run.Duration.Ticks)))
        {
            NotSelected = runs[0].NotSelected,
            Warnings = runs.SelectMany(run => run.Warnings).Distinct(StringComparer.Ordinal).ToList(),
        };
        return new RepeatedSmokeRunResult(runs, combined, await HistoriesAsync(runs, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<SmokeProjectResult> CombineProjectAsync(List<SmokeProjectResult> perRun, string resultsDirectory, CancellationToken cancellationToken)
    {
        var first = perRun[0];
        var documents = new List<XDocument>();
        foreach (var file in perRun.Select(project => project.JUnitFile).OfType<string>().Where(File.Exists))
        {
            documents.Add(await LoadAsync(file, cancellationToken).ConfigureAwait(false));
        }

        string? combinedFile = null;
        IReadOnlyList<TestCase> tests = [];
        if (documents.Count > 0)
        {
            combinedFile = Path.Combine(resultsDirectory, Path.GetFileName(perRun.First(project => project.JUnitFile is not null).JUnitFile!));
            await SaveAsync(Combine(documents), combinedFile, cancellationToken).ConfigureAwait(false);
            tests = (await JUnitReader.ReadFileAsync(combinedFile, cancellationToken).ConfigureAwait(false)).SelectMany(suite => suite.Tests).ToList();
        }

        var worst = Severity.FirstOrDefault(status => perRun.Any(project => project.Status == status), SmokeProjectStatus.Failed);
        var status = tests.Any(test => test.Outcome == TestOutcome.Failed) || documents.Count == 0 && perRun.Any(project => project.Status != SmokeProjectStatus.Passed)
            ? worst
            : SmokeProjectStatus.Passed;
        var attemptNumber = 0;
        var notes = perRun.Select((project, index) => project.Note is null ? null : $"run {index + 1}: {project.Note}").OfType<string>().ToList();
        return new SmokeProjectResult(
            first.Name,
            first.ProjectPath,
            status,
            first.Start,
            TimeSpan.FromTicks(perRun.Sum(project => project.Duration.Ticks)),
            tests,
            perRun.SelectMany(project => project.Attempts).Select(attempt => attempt with { Number = ++attemptNumber }).ToList())
        {
            JUnitFile = combinedFile,
            Note = notes.Count == 0 ? null : string.Join(" ", notes),
            OutputTail = perRun.LastOrDefault(project => project.Status != SmokeProjectStatus.Passed)?.OutputTail ?? perRun[^1].OutputTail,
            Filter = first.Filter,
        };
    }

    /// <summary>The first run's file with each test replaced by its results across the runs; tests only later runs saw are added.</summary>
    internal static XDocument Combine(IReadOnlyList<XDocument> documents)
    {
        var combined = new XDocument(documents[0]);
        var suite = combined.Descendants("testsuite").First();
        foreach (var key in Keys(documents))
        {
            var chain = documents.Select(document => TestCaseKey.Find(document, key)).OfType<XElement>().ToList();
            var replacement = CombineTest(chain);
            if (TestCaseKey.Find(combined, key) is { } existing)
            {
                existing.ReplaceWith(replacement);
            }
            else if (suite.Elements("testcase").LastOrDefault() is { } lastTest)
            {
                lastTest.AddAfterSelf(replacement);
            }
            else
            {
                suite.AddFirst(replacement);
            }
        }

        JUnitAttemptMerger.RecountAll(combined);
        return combined;
    }

    private static XElement CombineTest(List<XElement> chain)
    {
        var failed = chain.Where(JUnitAttemptMerger.HasProblem).ToList();
        var passed = chain.Where(test => !JUnitAttemptMerger.HasProblem(test) && test.Element("skipped") is null).ToList();
        if (failed.Count == 0)
        {
            var last = new XElement(chain[^1]);
            last.SetAttributeValue("time", Seconds(chain));
            return last;
        }

        return JUnitAttemptMerger.Fold(passed.Count == 0 ? failed : [.. failed, passed[^1]]);
    }

    private static async Task<IReadOnlyList<TestHistory>> HistoriesAsync(IReadOnlyList<SmokeRunResult> runs, CancellationToken cancellationToken)
    {
        var histories = new List<TestHistory>();
        foreach (var name in runs.SelectMany(run => run.Projects).Select(project => project.Name).Distinct(StringComparer.Ordinal))
        {
            var documents = new List<XDocument?>();
            foreach (var run in runs)
            {
                var file = run.Projects.FirstOrDefault(project => project.Name == name)?.JUnitFile;
                documents.Add(file is not null && File.Exists(file) ? await LoadAsync(file, cancellationToken).ConfigureAwait(false) : null);
            }

            foreach (var key in Keys(documents.OfType<XDocument>().ToList()))
            {
                var perRun = documents.Select(document => document is null ? null : TestCaseKey.Find(document, key)).ToList();
                histories.Add(new TestHistory(
                    name,
                    key.ClassName,
                    key.Name,
                    perRun.Select(test => test is null ? (TestOutcome?)null : OutcomeOf(test)).ToList(),
                    perRun.OfType<XElement>().Where(JUnitAttemptMerger.HasProblem).Select(FailureMessage).ToList()));
            }
        }

        return histories;
    }

    private static TestOutcome OutcomeOf(XElement test) =>
        JUnitAttemptMerger.HasProblem(test) ? TestOutcome.Failed : test.Element("skipped") is not null ? TestOutcome.Skipped : TestOutcome.Passed;

    private static string FailureMessage(XElement test)
    {
        var problem = test.Element("failure") ?? test.Element("error")!;
        return (string?)problem.Attribute("message") is { Length: > 0 } message ? message : problem.Value.Split('\n')[0].Trim();
    }

    private static IEnumerable<TestCaseKey> Keys(IReadOnlyList<XDocument> documents) =>
        documents.SelectMany(document => TestCaseKey.All(document).Select(keyed => keyed.Key)).Distinct();

    private static string Seconds(List<XElement> chain) =>
        chain.Sum(test => decimal.TryParse((string?)test.Attribute("time"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : 0m)
            .ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<XDocument> LoadAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SaveAsync(XDocument document, string file, CancellationToken cancellationToken)
    {
        var temporary = file + $".{Guid.NewGuid():N}.tmp";
        await using (var stream = File.Create(temporary))
        {
            await document.SaveAsync(stream, SaveOptions.None, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, file, overwrite: true);
    }
}
