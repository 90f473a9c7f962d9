namespace Sample.Generator;

/// <summary>One call to the image generator: a stage of a job, with the previous stage's images as input.</summary>
internal sealed record GenerateRequest(
    Guid JobId,
    string Stage,
    string Prompt,
    int Width,
    int Height,
    int Steps,
    IReadOnlyList<string> Inputs);
