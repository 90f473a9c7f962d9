namespace SmokeTests.Shared;

/// <summary>The body of POST /api/jobs (camelCase on the wire, the HttpClient JSON default).</summary>
/// <param name="Mode"><c>direct</c> runs the job within the request; <c>queue</c> hands it to the worker.</param>
/// <param name="Stages"><c>["txt2img"]</c> when null; <c>["txt2img", "upscale"]</c> adds an upscale.</param>
public sealed record JobRequest(
    string Prompt,
    int Width,
    int Height,
    int Steps,
    string Mode,
    string? PackId = null,
    IReadOnlyList<string>? Stages = null)
{
    /// <summary>The cheapest valid job, with a prompt no other job has: it names this run, the purpose and a fresh id.</summary>
    public static JobRequest Smallest(string mode, string purpose) =>
        new($"smoke {SmokeRun.Id} {purpose} {Guid.NewGuid():N}", Width: 64, Height: 64, Steps: 1, mode);
}
