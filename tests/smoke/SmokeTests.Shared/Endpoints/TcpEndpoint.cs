namespace SmokeTests.Shared;

/// <summary>A service's published address: what a client connects to, and which service it is, for failure messages.</summary>
public sealed record TcpEndpoint(string Service, string Host, int Port)
{
    public override string ToString() => $"{Host}:{Port}";
}
