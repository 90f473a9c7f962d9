using Smoke.JUnit.TestLogger.Options;

namespace Smoke.JUnit.TestLogger.Report;

/// <summary>The choices that shape a report, from the logger's parameters.</summary>
/// <param name="AttachmentBaseDirectory">When set, attachment paths are written relative to it (the report's directory).</param>
internal sealed record ReportLayout(
    MethodFormat MethodFormat = MethodFormat.Default,
    FailureBodyFormat FailureBodyFormat = FailureBodyFormat.Default,
    ConsoleOutput ConsoleOutput = ConsoleOutput.Both,
    string? AttachmentBaseDirectory = null)
{
    public bool TestCaseOutput => ConsoleOutput is ConsoleOutput.Both or ConsoleOutput.TestCase;

    public bool SuiteOutput => ConsoleOutput is ConsoleOutput.Both or ConsoleOutput.TestSuite;

    /// <summary>The path as the report shows it; only file-system paths are made relative, URIs are kept.</summary>
    public string AttachmentPath(string path) =>
        AttachmentBaseDirectory is { } baseDirectory && Path.IsPathFullyQualified(path)
            ? Path.GetRelativePath(baseDirectory, path)
            : path;
}
