namespace Smoke.Stack.Engine;

/// <summary>Where the Docker engine listens: <c>unix://</c>, <c>tcp://</c> or <c>npipe://</c>, as in DOCKER_HOST.</summary>
public sealed record DockerEndpoint
{
    private readonly string _text;

    private DockerEndpoint(Uri address, string text)
    {
        Address = address;
        _text = text;
    }

    public Uri Address { get; }

    public bool IsUnixSocket => Address.Scheme == "unix";

    public bool IsNamedPipe => Address.Scheme == "npipe";

    public bool IsTcp => Address.Scheme == "tcp";

    /// <summary>
    /// For a TLS engine (DOCKER_TLS_VERIFY): the directory with <c>ca.pem</c>, which the engine's certificate must
    /// chain to, and <c>cert.pem</c>/<c>key.pem</c>, the client certificate (DOCKER_CERT_PATH, default ~/.docker).
    /// </summary>
    public string? TlsCertificateDirectory { get; init; }

    public bool UsesTls => IsTcp && TlsCertificateDirectory is not null;

    /// <summary>The socket file for <c>unix://</c>, the pipe name for <c>npipe://</c>.</summary>
    public string LocalPath => IsNamedPipe ? _text.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1] : Address.AbsolutePath;

    public static DockerEndpoint Default => OperatingSystem.IsWindows()
        ? Parse("npipe:////./pipe/docker_engine")
        : Parse("unix:///var/run/docker.sock");

    /// <summary>DOCKER_HOST when set (with TLS when DOCKER_TLS_VERIFY is), else the platform's default socket.</summary>
    public static DockerEndpoint FromEnvironment() => FromDockerHost(
        Environment.GetEnvironmentVariable("DOCKER_HOST"),
        Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY") is { Length: > 0 } verify && verify != "0"
            ? Environment.GetEnvironmentVariable("DOCKER_CERT_PATH") is { Length: > 0 } certificates
                ? certificates
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker")
            : null);

    internal static DockerEndpoint FromDockerHost(string? dockerHost, string? tlsCertificateDirectory = null) =>
        string.IsNullOrWhiteSpace(dockerHost) ? Default : Parse(dockerHost) with { TlsCertificateDirectory = tlsCertificateDirectory };

    public static DockerEndpoint Parse(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        address = address.Trim();
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "npipe"))
        {
            throw new ArgumentException(
                $"DOCKER_HOST \"{address}\" is not an engine address; use unix:///var/run/docker.sock, tcp://host:2375 or npipe:////./pipe/docker_engine",
                nameof(address));
        }

        if (uri.Scheme == "tcp" && uri.IsDefaultPort)
        {
            uri = new UriBuilder(uri) { Port = 2375 }.Uri;
        }

        return new DockerEndpoint(uri, uri.Scheme == "tcp" ? $"tcp://{uri.Host}:{uri.Port}" : address);
    }

    public override string ToString() => _text;
}
