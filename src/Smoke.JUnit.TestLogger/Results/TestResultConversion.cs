using System.Text;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;

namespace Smoke.JUnit.TestLogger.Results;

/// <summary>Copies what the report needs out of VSTest's result objects.</summary>
internal static class TestResultConversion
{
    public static RecordedTestResult ToRecorded(TestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var testCase = result.TestCase;
        var output = new StringBuilder();
        var errors = new StringBuilder();
        foreach (var message in result.Messages)
        {
            var target = message.Category == TestResultMessage.StandardErrorCategory ? errors : output;
            target.Append(message.Text);
            if (message.Text is { Length: > 0 } text && !text.EndsWith('\n'))
            {
                target.Append('\n');
            }
        }

        return new RecordedTestResult(
            Source: testCase.Source,
            FullyQualifiedName: testCase.FullyQualifiedName,
            DisplayName: string.IsNullOrEmpty(result.DisplayName) ? testCase.DisplayName : result.DisplayName,
            Outcome: result.Outcome,
            Duration: result.Duration)
        {
            StartTime = result.StartTime == default ? null : result.StartTime,
            ErrorMessage = result.ErrorMessage,
            ErrorStackTrace = result.ErrorStackTrace,
            StandardOutput = output.Length == 0 ? null : output.ToString(),
            StandardError = errors.Length == 0 ? null : errors.ToString(),
            Traits = [.. testCase.Traits.Select(t => new KeyValuePair<string, string>(t.Name, t.Value))],
            Attachments = AttachmentPaths(result.Attachments),
            CodeFilePath = testCase.CodeFilePath,
            LineNumber = testCase.LineNumber,
            ComputerName = result.ComputerName,
        };
    }

    public static IReadOnlyList<string> AttachmentPaths(IEnumerable<AttachmentSet>? sets) =>
        sets is null
            ? []
            : [.. sets.SelectMany(set => set.Attachments).Select(a => a.Uri.IsFile ? a.Uri.LocalPath : a.Uri.ToString())];
}
