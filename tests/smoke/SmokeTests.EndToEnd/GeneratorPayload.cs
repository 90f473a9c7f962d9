namespace SmokeTests.EndToEnd;

/// <summary>What the platform sent the generator for one stage of a job.</summary>
internal sealed record GeneratorPayload(
    Guid JobId,
    string Stage,
    string Prompt,
    int Width,
    int Height,
    int Steps,
    IReadOnlyList<string> Inputs);
