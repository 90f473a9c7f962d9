namespace Smoke.Stack.Readiness;

/// <summary>
/// A service of a remote environment, reached over the network only: ready when <see cref="ReadyUrl"/> answers 2xx
/// and every <see cref="TcpEndpoints"/> entry accepts a connection.
/// </summary>
public sealed record RemoteService(string Name)
{
    /// <summary>E.g. <c>https://api.staging.example/healthz/ready</c>; its scheme and authority become <c>SMOKE_&lt;SERVICE&gt;_URL</c>.</summary>
    public Uri? ReadyUrl { get; init; }

    /// <summary><c>host:port</c> entries, e.g. <c>db.staging.example:5432</c>.</summary>
    public IReadOnlyList<string> TcpEndpoints { get; init; } = [];

    /// <summary>Null uses <see cref="ReadinessRequest.DefaultTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }

    public bool Critical { get; init; } = true;
}
