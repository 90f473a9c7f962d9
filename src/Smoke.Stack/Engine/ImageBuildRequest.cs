namespace Smoke.Stack.Engine;

/// <summary>A classic-builder build: the tar context is passed separately as a stream.</summary>
public sealed record ImageBuildRequest(IReadOnlyList<string> Tags)
{
    /// <summary>Path of the Dockerfile inside the context.</summary>
    public string Dockerfile { get; init; } = "Dockerfile";

    public IReadOnlyDictionary<string, string> BuildArgs { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public bool NoCache { get; init; }

    /// <summary>Try to pull a newer FROM image; off, because the offline base exists only locally.</summary>
    public bool PullParent { get; init; }
}
