namespace Sample.Jobs;

/// <summary>A job as stored and as GET /api/jobs/{id} returns it (snake_case on the wire).</summary>
internal sealed record Job(
    Guid Id,
    string Status,
    string RunMode,
    string Source,
    string Prompt,
    int Width,
    int Height,
    int Steps,
    IReadOnlyList<string> Stages,
    string PromptSource,
    string? PromptPackId,
    int StageCount,
    bool HasUpscale,
    IReadOnlyList<string> Outputs,
    int Attempts,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
