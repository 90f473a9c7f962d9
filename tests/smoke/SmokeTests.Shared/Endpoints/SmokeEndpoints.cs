using System.Globalization;

namespace SmokeTests.Shared;

/// <summary>
/// Where the stack's services are, as the pipeline hands them over once every service is ready:
/// <c>SMOKE_&lt;SERVICE&gt;_HOST</c>, <c>SMOKE_&lt;SERVICE&gt;_PORT_&lt;containerPort&gt;</c> and, for services
/// waited on over HTTP, <c>SMOKE_&lt;SERVICE&gt;_URL</c>; each also in the <c>SMOKE_ENDPOINTS</c> file.
/// </summary>
public static class SmokeEndpoints
{
    /// <summary>The published address of a service's container port, e.g. <c>Tcp("postgres", 5432)</c>.</summary>
    public static TcpEndpoint Tcp(string service, int containerPort)
    {
        var host = SmokeVariables.Required(VariableName(service, "HOST"), $"the host of service \"{service}\"");
        var portVariable = VariableName(service, $"PORT_{containerPort.ToString(CultureInfo.InvariantCulture)}");
        var portText = SmokeVariables.Required(portVariable, $"the host port where service \"{service}\" publishes its container port {containerPort}");
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw SmokeConfigurationException.Invalid(portVariable, portText, "a port number between 1 and 65535");
        }

        return new TcpEndpoint(service, host, port);
    }

    /// <summary>The base URL of a service waited on over HTTP, e.g. <c>Http("api")</c> is <c>http://127.0.0.1:49153/</c>.</summary>
    public static Uri Http(string service)
    {
        var variable = VariableName(service, "URL");
        var text = SmokeVariables.Required(variable, $"the base URL of service \"{service}\"");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw SmokeConfigurationException.Invalid(variable, text, "an absolute http:// or https:// URL");
        }

        // Without the trailing slash, relative paths would replace the URL's last segment instead of following it.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }

    /// <summary>
    /// The variable the pipeline sets for a service: <c>VariableName("api-gateway", "URL")</c> is
    /// <c>SMOKE_API_GATEWAY_URL</c>. Dots become underscores too, as no shell accepts them in a name.
    /// </summary>
    public static string VariableName(string service, string suffix) =>
        $"SMOKE_{service.ToUpperInvariant().Replace('-', '_').Replace('.', '_')}_{suffix}";
}
