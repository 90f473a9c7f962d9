using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Smoke.Stack.Engine;

namespace Smoke.Stack.Tests.Engine;

/// <summary>A TLS engine stand-in on 127.0.0.1 answering <c>/_ping</c>, with a CA, a server and a client certificate made for the test.</summary>
public sealed class TlsEngineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("smoke-tls-").FullName;
    private readonly X509Certificate2 _authority;
    private readonly X509Certificate2 _server;

    public TlsEngineTests()
    {
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=smoke test CA", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        _authority = authorityRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(2));
        _server = Issue("CN=127.0.0.1", server: true);
        using var client = Issue("CN=smoke client", server: false);
        File.WriteAllText(Path.Combine(_directory, "ca.pem"), _authority.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "cert.pem"), client.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_directory, "key.pem"), client.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    [Fact]
    public async Task A_tls_engine_is_reached_with_the_client_certificate_and_a_server_certificate_from_the_given_authority()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnePingAsync(listener);
        using var client = new DockerEngineClient(DockerEndpoint.Parse($"tcp://127.0.0.1:{port}") with { TlsCertificateDirectory = _directory });

        var ping = await client.PingAsync();

        Assert.Equal("1.41", ping.ApiVersion);
        Assert.Equal("CN=smoke client", await serving);
    }

    [Fact]
    public async Task A_server_certificate_from_another_authority_is_refused()
    {
        using var otherKey = RSA.Create(2048);
        using var stranger = new CertificateRequest("CN=127.0.0.1", otherKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serving = ServeOnePingAsync(listener, stranger);
        using var client = new DockerEngineClient(DockerEndpoint.Parse($"tcp://127.0.0.1:{port}") with { TlsCertificateDirectory = _directory });

        await Assert.ThrowsAsync<DockerEngineUnreachableException>(() => client.PingAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => serving);
    }

    [Fact]
    public void DOCKER_TLS_VERIFY_style_settings_turn_tls_on_for_tcp_only()
    {
        Assert.True(DockerEndpoint.FromDockerHost("tcp://10.0.0.5:2376", _directory).UsesTls);
        Assert.False(DockerEndpoint.FromDockerHost("tcp://10.0.0.5:2375").UsesTls);
        Assert.False(DockerEndpoint.FromDockerHost("unix:///var/run/docker.sock", _directory).UsesTls);
    }

    public void Dispose()
    {
        _authority.Dispose();
        _server.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<string?> ServeOnePingAsync(TcpListener listener, X509Certificate2? certificate = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await listener.AcceptTcpClientAsync(timeout.Token);
        await using var tls = new SslStream(connection.GetStream());
        string? clientSubject = null;
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
        {
            ServerCertificate = certificate ?? _server,
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, presented, _, _) =>
            {
                clientSubject = presented?.Subject;
                return presented is not null;
            },
        }, timeout.Token);
        var request = new StringBuilder();
        var buffer = new byte[1024];
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await tls.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                throw new IOException("the client closed the connection before sending a request");
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await tls.WriteAsync("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK"u8.ToArray(), timeout.Token);
        return clientSubject;
    }

    private X509Certificate2 Issue(string subject, bool server)
    {
        // Not disposed here: the issued certificate keeps using this key.
        var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        if (server)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        using var issued = request.Create(_authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1), RandomNumberGenerator.GetBytes(8));
        return issued.CopyWithPrivateKey(key);
    }
}
