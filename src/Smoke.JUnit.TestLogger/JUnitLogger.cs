using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;
using Smoke.JUnit.TestLogger.Options;
using Smoke.JUnit.TestLogger.Report;
using Smoke.JUnit.TestLogger.Results;

namespace Smoke.JUnit.TestLogger;

/// <summary>
/// Writes the results of a <c>dotnet test</c> run as a JUnit XML file:
/// <c>dotnet test --logger "junit;LogFilePath=artifacts/test-results/{assembly}.junit.xml"</c>.
/// Parameters: LogFilePath, LogFileName, MethodFormat (Default|Class|Full), FailureBodyFormat (Default|Verbose),
/// StoreConsoleOutput (true|false|testcase|testsuite), UseRelativeAttachmentPath (false|true); docs/junit.md describes them and the file.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(ExtensionUri)]
public sealed class JUnitLogger : ITestLoggerWithParameters
{
    /// <summary>The name given to <c>--logger</c>.</summary>
    public const string FriendlyName = "junit";

    /// <summary>The logger's identity in VSTest, distinct from JunitXml.TestLogger's.</summary>
    public const string ExtensionUri = "logger://Smoke/JUnit/TestLogger/v1";

    private readonly Lock _gate = new();
    private readonly TextWriter _warnings;
    private readonly List<RecordedTestResult> _results = [];
    private readonly List<string> _runErrors = [];
    private readonly List<string> _sources = [];
    private JUnitLoggerOptions? _options;
    private DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    /// <summary>VSTest creates loggers through this constructor; warnings go to the console, where <c>dotnet test</c> shows them.</summary>
    public JUnitLogger()
        : this(Console.Out)
    {
    }

    internal JUnitLogger(TextWriter warnings) => _warnings = warnings;

    /// <summary>Where the last report was written; null until the run completed.</summary>
    public string? ReportPath { get; private set; }

    /// <inheritdoc />
    public void Initialize(TestLoggerEvents events, string testRunDirectory) =>
        Initialize(events, new Dictionary<string, string?> { [DefaultLoggerParameterNames.TestRunDirectory] = testRunDirectory });

    /// <inheritdoc />
    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(parameters);
        _options = JUnitLoggerOptions.FromParameters(parameters);
        foreach (var warning in _options.Warnings)
        {
            _warnings.WriteLine(warning);
        }

        events.TestRunStart += OnTestRunStart;
        events.TestRunMessage += OnTestRunMessage;
        events.TestResult += OnTestResult;
        events.TestRunComplete += OnTestRunComplete;
    }

    private void OnTestRunStart(object? sender, TestRunStartEventArgs e)
    {
        lock (_gate)
        {
            _startedAt = DateTimeOffset.UtcNow;
            var criteria = e.TestRunCriteria;
            var sources = criteria.HasSpecificTests
                ? criteria.Tests.Select(t => t.Source).Distinct(StringComparer.Ordinal)
                : criteria.Sources ?? [];
            _sources.AddRange(sources.Where(s => !string.IsNullOrEmpty(s)));
        }
    }

    private void OnTestRunMessage(object? sender, TestRunMessageEventArgs e)
    {
        // xunit announces every failed test as an error message ("[xUnit.net 00:00:01.14]     N.C.M [FAIL]");
        // the testcase already says so, and the suite's system-err is kept for what no testcase shows.
        if (e.Level != TestMessageLevel.Error
            || string.IsNullOrWhiteSpace(e.Message)
            || e.Message.TrimEnd().EndsWith("[FAIL]", StringComparison.Ordinal))
        {
            return;
        }

        lock (_gate)
        {
            _runErrors.Add(e.Message);
        }
    }

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        var recorded = TestResultConversion.ToRecorded(e.Result);
        lock (_gate)
        {
            _results.Add(recorded);
        }
    }

    private void OnTestRunComplete(object? sender, TestRunCompleteEventArgs e)
    {
        var options = _options ?? throw new InvalidOperationException(
            "junit logger: the test run completed before the logger was initialized; this is a VSTest host error, report it with the full dotnet test output.");
        TestRunRecord run;
        lock (_gate)
        {
            var runErrors = new List<string>(_runErrors);
            if (e.Error is { } error && !runErrors.Any(m => m.Contains(error.Message, StringComparison.Ordinal)))
            {
                runErrors.Add(error.ToString());
            }

            run = new TestRunRecord(
                _startedAt,
                [.. _sources],
                [.. _results],
                runErrors,
                TestResultConversion.AttachmentPaths(e.AttachmentSets))
            {
                TargetFramework = options.TargetFramework,
                Aborted = e.IsAborted,
            };
        }

        var firstSource = run.Sources.Concat(run.Results.Select(r => r.Source)).FirstOrDefault();
        var path = ReportFileLocation.Resolve(options, firstSource is null ? "TestResults" : JUnitReport.AssemblyName(firstSource));
        var layout = new ReportLayout(
            options.MethodFormat,
            options.FailureBodyFormat,
            options.StoreConsoleOutput,
            options.UseRelativeAttachmentPath ? Path.GetDirectoryName(path) : null);
        ReportFile.WriteAtomically(JUnitReport.Create(run, layout), path);
        ReportPath = path;
    }
}
