namespace SmokeTests.Services;

/// <summary>An RFC 9457 problem as the api sends it for every 4xx; <see cref="Errors"/> only on 422, keyed by field.</summary>
internal sealed record ProblemResponse(
    string? Type,
    string? Title,
    int? Status,
    string? Detail,
    IReadOnlyDictionary<string, string[]>? Errors);
