namespace SmokeTests.Shared;

/// <summary>Clients for the platform's api service, as each kind of caller sees it. Dispose them when done.</summary>
public static class PlatformApi
{
    public const string Service = "api";

    /// <summary>With the read-write token: may create and read jobs.</summary>
    public static HttpClient ReadWrite() => ServiceHttp.Create(Service, PlatformCredentials.ApiToken);

    /// <summary>With the read-only token: may read jobs only.</summary>
    public static HttpClient ReadOnly() => ServiceHttp.Create(Service, PlatformCredentials.ReadOnlyToken);

    /// <summary>With no token, or with one the api does not know.</summary>
    public static HttpClient WithToken(string? token) => ServiceHttp.Create(Service, token);
}
