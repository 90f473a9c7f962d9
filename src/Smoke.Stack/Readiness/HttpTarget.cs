using System.Globalization;

namespace Smoke.Stack.Readiness;

/// <summary>The value of <c>io.smoke.wait.http</c>: a container port and the path to GET on it.</summary>
internal sealed record HttpTarget(int ContainerPort, string Path)
{
    public static HttpTarget? TryParse(string text)
    {
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var portText = slash < 0 ? text : text[..slash];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        return new HttpTarget(port, slash < 0 ? "/" : text[slash..]);
    }
}
