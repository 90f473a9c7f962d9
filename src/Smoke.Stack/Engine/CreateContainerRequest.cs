namespace Smoke.Stack.Engine;

/// <summary>What to create. Every port in <see cref="PublishedPorts"/> gets a random host port on 127.0.0.1.</summary>
public sealed record CreateContainerRequest(string Image)
{
    public string? Name { get; init; }

    /// <summary>Replaces the image's CMD when set.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyList<string>? Entrypoint { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Container ports (tcp) to publish on a random 127.0.0.1 port.</summary>
    public IReadOnlyList<int> PublishedPorts { get; init; } = [];

    public bool Tty { get; init; }

    public ContainerHealthcheck? Healthcheck { get; init; }

    public string? NetworkMode { get; init; }
}
