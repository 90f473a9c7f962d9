namespace Sample.Generator;

/// <summary>What the generator returns: references to the images it made.</summary>
internal sealed record GenerateResponse(string Stage, IReadOnlyList<string> Images);
