namespace SmokeTests.Shared;

/// <summary>A job as the api returns it (snake_case on the wire: read it with <see cref="PlatformJson.Resources"/>).</summary>
public sealed record JobResource(
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
    DateTimeOffset? CompletedAt);
