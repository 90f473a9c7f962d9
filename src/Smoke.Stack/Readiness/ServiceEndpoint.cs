namespace Smoke.Stack.Readiness;

/// <summary>
/// Where a service is reached from the host: <see cref="Host"/> with the published port of each container port,
/// and for a service waited on over HTTP its base URL (<c>http://127.0.0.1:49153</c>).
/// </summary>
public sealed record ServiceEndpoint(string Service, string Host, IReadOnlyDictionary<int, int> Ports, Uri? Url);
