using System.Text.Json.Serialization;

namespace Smoke.Testing.Reports;

/// <summary>How a pipeline target ended, as the engine reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportedTargetStatus>))]
public enum ReportedTargetStatus
{
    Succeeded,
    Failed,
    Skipped,
    NotRun,
    Cancelled,

    /// <summary>A target without actions of its own (it groups others), as in NUKE.</summary>
    Collective,
}
