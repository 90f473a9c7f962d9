using System.Security.Cryptography;
using System.Text;
using Sample.Configuration;

namespace Sample.Api;

/// <summary>Recognises the read-write (SAMPLE_API_TOKEN) and read-only (SAMPLE_READONLY_TOKEN) bearer tokens.</summary>
internal sealed class ApiTokens(SampleSettings settings)
{
    private readonly byte[] readWrite = Encoding.UTF8.GetBytes(settings.ApiToken);
    private readonly byte[] readOnly = Encoding.UTF8.GetBytes(settings.ReadOnlyToken);

    /// <summary>The access the request's token grants, or null when it has no known token.</summary>
    public TokenAccess? AccessOf(HttpRequest request)
    {
        var token = BearerToken(request);
        if (token is null)
        {
            return null;
        }

        var presented = Encoding.UTF8.GetBytes(token);
        if (CryptographicOperations.FixedTimeEquals(presented, readWrite))
        {
            return TokenAccess.Write;
        }

        return CryptographicOperations.FixedTimeEquals(presented, readOnly) ? TokenAccess.Read : null;
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
