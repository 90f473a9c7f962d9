namespace Sample.Jobs;

/// <summary>A valid job: what to generate, how it runs, and the stages in order.</summary>
internal sealed record JobSpec(
    string Prompt,
    int Width,
    int Height,
    int Steps,
    string Mode,
    string? PackId,
    IReadOnlyList<string> Stages)
{
    public const string Direct = "direct";
    public const string Queue = "queue";
    public const string TextToImage = "txt2img";
    public const string Upscale = "upscale";

    public string PromptSource => PackId is null ? "manual" : "pack";

    public bool HasUpscale => Stages.Contains(Upscale);
}
