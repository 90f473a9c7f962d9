using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Smoke.Release;

/// <summary>How a deploy or rollback ended and the environment's state after it: <c>artifacts/smoke/deploy.json</c>.</summary>
/// <param name="Release">The release named on the command line; null for a rollback by hand to the last known good.</param>
/// <param name="Outcome">One of <see cref="Deployed"/>, <see cref="RolledBack"/>, <see cref="RollbackFailed"/>, <see cref="Failed"/>, <see cref="Interrupted"/>.</param>
/// <param name="StateFile">The state file, relative to the repository root.</param>
public sealed record DeployOutcome(
    string Environment, string? Release, string Outcome, string Message, string StateFile, ReleaseRecord? Current, ReleaseRecord? LastKnownGood)
{
    public const string Deployed = "deployed";
    public const string RolledBack = "rolled-back";
    public const string RollbackFailed = "rollback-failed";
    public const string Failed = "failed";
    public const string Interrupted = "interrupted";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The contents of deploy.json.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>The "Deploy to &lt;environment&gt;" section appended to summary.md and the job summary.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("\n## Deploy to ").Append(Environment).Append("\n\n**").Append(Outcome).Append(":** ").Append(Message).Append("\n\n");
        text.Append("| | release | action | verdict | reason |\n| --- | --- | --- | --- | --- |\n");
        foreach (var (label, record) in new[] { ("current", Current), ("last known good", LastKnownGood) })
        {
            text.Append("| ").Append(label).Append(" | ")
                .Append(record is null ? "none | | | |\n" : $"{record.Release} | {record.Action} | {record.Verdict} | {record.Reason} |\n");
        }

        return text.Append('\n').Append("State: `").Append(StateFile).Append("`\n").ToString();
    }
}
