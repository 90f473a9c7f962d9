using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

namespace Smoke.JUnit.TestLogger.Tests.Logging;

/// <summary>VSTest's logger events, raised by the test instead of a test run.</summary>
internal sealed class RaisedLoggerEvents : TestLoggerEvents
{
    public override event EventHandler<TestRunMessageEventArgs>? TestRunMessage;

    public override event EventHandler<TestRunStartEventArgs>? TestRunStart;

    public override event EventHandler<TestResultEventArgs>? TestResult;

    public override event EventHandler<TestRunCompleteEventArgs>? TestRunComplete;

    public override event EventHandler<DiscoveryStartEventArgs>? DiscoveryStart;

    public override event EventHandler<TestRunMessageEventArgs>? DiscoveryMessage;

    public override event EventHandler<DiscoveredTestsEventArgs>? DiscoveredTests;

    public override event EventHandler<DiscoveryCompleteEventArgs>? DiscoveryComplete;

    public void Start(params string[] sources) => TestRunStart?.Invoke(this, new TestRunStartEventArgs(new TestRunCriteria(sources, 10)));

    public void Message(TestMessageLevel level, string message) => TestRunMessage?.Invoke(this, new TestRunMessageEventArgs(level, message));

    public void Result(Microsoft.VisualStudio.TestPlatform.ObjectModel.TestResult result) => TestResult?.Invoke(this, new TestResultEventArgs(result));

    public void Complete(bool aborted = false, Exception? error = null, params Microsoft.VisualStudio.TestPlatform.ObjectModel.AttachmentSet[] attachments) =>
        TestRunComplete?.Invoke(this, new TestRunCompleteEventArgs(null, isCanceled: false, aborted, error, [.. attachments], TimeSpan.FromSeconds(1)));

    /// <summary>Keeps the discovery events referenced; the logger does not listen to them.</summary>
    public bool HasDiscoveryListeners =>
        DiscoveryStart is not null || DiscoveryMessage is not null || DiscoveredTests is not null || DiscoveryComplete is not null;
}
