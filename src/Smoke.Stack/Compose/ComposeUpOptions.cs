namespace Smoke.Stack.Compose;

public sealed record ComposeUpOptions
{
    /// <summary>Build images with a <c>build:</c> section first (<c>--build</c>).</summary>
    public bool Build { get; init; }

    /// <summary>Only these services (and what they depend on); all when empty.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
}
