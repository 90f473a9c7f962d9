namespace Smoke.Stack.Engine;

/// <summary>Which events to receive. Empty lists mean "all".</summary>
public sealed record EngineEventFilter
{
    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    /// <summary>container, image, network, volume, ...</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>start, die, health_status, destroy, ...</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary><c>key</c> or <c>key=value</c>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Container ids or names.</summary>
    public IReadOnlyList<string> Containers { get; init; } = [];

    internal IReadOnlyDictionary<string, IReadOnlyList<string>> ToEngineFilters() => new Dictionary<string, IReadOnlyList<string>>
    {
        ["type"] = Types,
        ["event"] = Events,
        ["label"] = Labels,
        ["container"] = Containers,
    };
}
