namespace Sample.Jobs;

/// <summary>The body of POST /api/jobs as the client sent it; <see cref="JobValidation"/> turns it into a <see cref="JobSpec"/>.</summary>
internal sealed record JobRequest(
    string? Prompt,
    int? Width,
    int? Height,
    int? Steps,
    string? Mode,
    string? PackId,
    IReadOnlyList<string>? Stages);
