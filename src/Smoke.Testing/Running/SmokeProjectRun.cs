using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Smoke.Processes;
using Smoke.Shared;
using Smoke.Testing.Reports;
using Smoke.Testing.Results;

namespace Smoke.Testing.Running;

/// <summary>Runs one project: a first <c>dotnet test</c>, retries of its failed tests, then one combined JUnit file.</summary>
internal sealed class SmokeProjectRun(ProjectSelection project, SmokeRunOptions options, DotnetCli dotnet, SecretMask mask)
{
    private readonly string _attemptsDirectory = Path.Combine(options.ResultsDirectory, "attempts", project.Name);

    public async Task<SmokeProjectResult> RunAsync(BuildProblem? buildProblem, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (Directory.Exists(_attemptsDirectory))
        {
            Directory.Delete(_attemptsDirectory, recursive: true);
        }

        if (buildProblem is not null)
        {
            return await FinishAsync(start, clock, [], [], SmokeProjectStatus.BuildFailed, buildProblem.Note, buildProblem.OutputTail, null, cancellationToken)
                .ConfigureAwait(false);
        }

        Report($"started{(project.Filter is null ? string.Empty : $" with filter {project.Filter}")}");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeLimit = options.TimeoutOf(project.Name);
        timeout.CancelAfter(timeLimit);

        var attempts = new List<SmokeProjectAttempt>();
        var documents = new List<XDocument>();
        string? resultsFileName = null;
        IReadOnlyList<string> tail = [];
        SmokeProjectStatus? unfinished = null;
        string? note = null;
        var filter = project.Filter;
        for (var number = 1; ; number++)
        {
            var directory = Path.Combine(_attemptsDirectory, number.ToString(CultureInfo.InvariantCulture));
            var attemptStart = DateTimeOffset.UtcNow;
            var attemptClock = Stopwatch.StartNew();
            ProcessResult result;
            try
            {
                result = await dotnet.RunAsync(TestArguments(directory, filter), Path.GetDirectoryName(project.ProjectPath)!, timeout.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                attempts.Add(new SmokeProjectAttempt(number, filter, attemptStart, attemptClock.Elapsed, null, []));
                unfinished = SmokeProjectStatus.Hung;
                note = $"{project.Name} was still running after {DurationText.Format(timeLimit)}"
                    + (number > 1 ? $", in retry {number - 1}," : string.Empty)
                    + " and was killed with its test host. dotnet test writes results only when a run ends, so the tests of that run are lost; "
                    + "run the project alone with `dotnet test --blame-hang-timeout 1m` to see which test hangs, or raise the timeout if it is only slow.";
                break;
            }

            tail = result.Output.TakeLast(options.OutputTailLines).Select(mask.Apply).ToList();
            var (document, tests, file) = await ReadAttemptAsync(directory, cancellationToken).ConfigureAwait(false);
            attempts.Add(new SmokeProjectAttempt(number, filter, attemptStart, attemptClock.Elapsed, result.ExitCode, tests) { JUnitFile = file });
            if (document is not null)
            {
                documents.Add(document);
                resultsFileName ??= Path.GetFileName(file);
            }

            var aborted = (document is not null && ProjectFailurePlaceholder.RecordsAbortedRun(document))
                || result.Output.Any(line => line.Contains("Test Run Aborted", StringComparison.OrdinalIgnoreCase)
                    || line.Contains("test run was aborted", StringComparison.OrdinalIgnoreCase));
            if (result.ExitCode != 0 && (document is null || aborted || tests.All(test => test.Outcome != TestOutcome.Failed)))
            {
                unfinished = SmokeProjectStatus.Crashed;
                note = $"dotnet test of {project.Name} exited with code {result.ExitCode}"
                    + (number > 1 ? $" in retry {number - 1}" : string.Empty)
                    + (document is null ? " and wrote no results" : aborted ? " after the test run was aborted" : " with no failed test")
                    + ": the test host crashed or the run could not start. The last output lines below say why.";
                break;
            }

            var failed = tests.Where(test => test.Outcome == TestOutcome.Failed).ToList();
            if (failed.Count == 0 || number > options.Retries)
            {
                break;
            }

            filter = RetryFilter(failed);
            Report($"retrying {Nouns.Count(failed.Count, "failed test")} (retry {number} of {options.Retries})");
        }

        var merged = documents.Count == 0 ? null : JUnitAttemptMerger.Merge(documents[0], documents.Skip(1).ToList());
        return await FinishAsync(start, clock, attempts, documents, unfinished, note, tail, merged, cancellationToken, resultsFileName)
            .ConfigureAwait(false);
    }

    private async Task<SmokeProjectResult> FinishAsync(
        DateTimeOffset start,
        Stopwatch clock,
        List<SmokeProjectAttempt> attempts,
        List<XDocument> documents,
        SmokeProjectStatus? unfinished,
        string? note,
        IReadOnlyList<string> tail,
        XDocument? merged,
        CancellationToken cancellationToken,
        string? resultsFileName = null)
    {
        if (unfinished is { } status)
        {
            merged = ProjectFailurePlaceholder.AddTo(merged, project.Name, status, clock.Elapsed, note!, tail);
        }

        string? file = null;
        IReadOnlyList<TestCase> tests = [];
        if (merged is not null)
        {
            file = Path.Combine(options.ResultsDirectory, resultsFileName ?? $"{project.Name}.junit.xml");
            await WriteAsync(merged, file, cancellationToken).ConfigureAwait(false);
            tests = (await JUnitReader.ReadFileAsync(file, cancellationToken).ConfigureAwait(false)).SelectMany(suite => suite.Tests).ToList();
        }
        else if (documents.Count == 0)
        {
            note ??= $"no test of {project.Name} matched the filter {project.Filter ?? "(none)"}";
        }

        var finalStatus = unfinished ?? (tests.Any(test => test.Outcome == TestOutcome.Failed) ? SmokeProjectStatus.Failed : SmokeProjectStatus.Passed);
        var result = new SmokeProjectResult(project.Name, project.ProjectPath, finalStatus, start, clock.Elapsed, tests, attempts)
        {
            JUnitFile = file,
            Note = note is null ? null : mask.Apply(note),
            OutputTail = tail,
            Filter = project.Filter,
        };
        Report(Describe(result));
        return result;
    }

    /// <summary>
    /// Our logger named by its extension URI, not by "junit": a project that references JunitXml.TestLogger also has a
    /// "junit" logger, and VSTest would pick that one, without flaky attempts, crash placeholders or our failure bodies.
    /// </summary>
    internal const string LoggerUri = "logger://Smoke/JUnit/TestLogger/v1";

    private List<string> TestArguments(string directory, string? filter)
    {
        List<string> arguments =
        [
            "test", project.ProjectPath,
            "--no-build",
            "--configuration", options.Configuration,
            "--logger", $"{LoggerUri};LogFilePath={Path.Combine(directory, "{assembly}.junit.xml")};FailureBodyFormat=Verbose",
            "--test-adapter-path", options.LoggerDirectory,
            "--results-directory", Path.Combine(directory, "TestResults"),
        ];
        if (filter is not null)
        {
            arguments.AddRange(["--filter", filter]);
        }

        return arguments;
    }

    private static async Task<(XDocument? Document, IReadOnlyList<TestCase> Tests, string? File)> ReadAttemptAsync(string directory, CancellationToken cancellationToken)
    {
        var file = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.junit.xml").Order(StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (file is null)
        {
            return (null, [], null);
        }

        try
        {
            var suites = await JUnitReader.ReadFileAsync(file, cancellationToken).ConfigureAwait(false);
            return (XDocument.Load(file), suites.SelectMany(suite => suite.Tests).ToList(), file);
        }
        catch (JUnitFormatException)
        {
            // A half-written file means the run did not end properly; the caller reports the project as crashed.
            return (null, [], file);
        }
    }

    /// <summary>
    /// Selects the failed tests by their VSTest name, class and method. A test whose name is not its method (an
    /// author's DisplayName) cannot be named that way, so its whole class runs again; only failed tests are merged.
    /// </summary>
    private static string RetryFilter(List<TestCase> failed) =>
        TestFilter.AnyOf(failed
            .Select(test =>
            {
                var method = test.FullyQualifiedName.StartsWith(test.ClassName + ".", StringComparison.Ordinal)
                    ? test.FullyQualifiedName[(test.ClassName.Length + 1)..].Split('(', 2)[0]
                    : string.Empty;
                return method.Length > 0 && method.All(c => char.IsLetterOrDigit(c) || c == '_')
                    ? TestFilter.Equals("FullyQualifiedName", $"{test.ClassName}.{method}")
                    : TestFilter.Contains("FullyQualifiedName", test.ClassName + ".");
            })
            .Distinct(StringComparer.Ordinal));

    private static async Task WriteAsync(XDocument document, string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        await using (var stream = File.Create(temporary))
        await using (var writer = XmlWriter.Create(stream, settings))
        {
            await document.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static string Describe(SmokeProjectResult result)
    {
        var counts = $"{result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped"
            + (result.Flaky > 0 ? $", {result.Flaky} flaky" : string.Empty);
        return $"{result.Status.ToString().ToLowerInvariant()} in {DurationText.Format(result.Duration)} ({counts})"
            + (result.Note is null ? string.Empty : $": {result.Note}");
    }


    private void Report(string message) => options.Progress?.Invoke($"{project.Name}: {message}");
}
