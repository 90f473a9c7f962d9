using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Smoke.Stack.Engine;

/// <summary>
/// TLS the way the docker CLI does it with DOCKER_TLS_VERIFY: the engine's certificate must chain to the given
/// <c>ca.pem</c> (not the system store) and match the host name, and we present <c>cert.pem</c>/<c>key.pem</c>.
/// </summary>
internal static class EngineTls
{
    public static SslClientAuthenticationOptions ClientOptions(string certificateDirectory)
    {
        string File(string name)
        {
            var path = Path.Combine(certificateDirectory, name);
            return System.IO.File.Exists(path)
                ? path
                : throw new FileNotFoundException($"TLS for the Docker engine needs {name} in {certificateDirectory} (DOCKER_CERT_PATH); copy the engine's client certificates there", path);
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(File("ca.pem"));
        var client = X509Certificate2.CreateFromPemFile(File("cert.pem"), File("key.pem"));
        return new SslClientAuthenticationOptions
        {
            ClientCertificates = [client],
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                using var presented = new X509Certificate2(certificate);
                return chain.Build(presented);
            },
        };
    }
}
