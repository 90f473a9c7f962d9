using System.Net;

namespace SmokeTests.Shared;

/// <summary>Checks a response's status and, when it is wrong, fails with what was asked and what came back.</summary>
public static class ResponseExpectations
{
    private const int BodyShown = 1000;

    /// <summary>
    /// Throws an <see cref="UnexpectedResponseException"/> unless the response has the
    /// <paramref name="expected"/> status; its message holds the request line, the status and the body.
    /// </summary>
    public static async Task<HttpResponseMessage> ExpectStatusAsync(
        this HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken = default) =>
        response.StatusCode == expected
            ? response
            : throw await UnexpectedAsync(response, $"{(int)expected} {expected}", cancellationToken);

    /// <summary>As <see cref="ExpectStatusAsync"/>, for any 2xx status.</summary>
    public static async Task<HttpResponseMessage> ExpectSuccessAsync(this HttpResponseMessage response, CancellationToken cancellationToken = default) =>
        response.IsSuccessStatusCode
            ? response
            : throw await UnexpectedAsync(response, "a 2xx status", cancellationToken);

    private static async Task<UnexpectedResponseException> UnexpectedAsync(HttpResponseMessage response, string expected, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var shown = body.Length > BodyShown ? body[..BodyShown] + "…" : body;
        var request = response.RequestMessage is { } sent ? $"{sent.Method} {sent.RequestUri}" : "the request";
        return new UnexpectedResponseException(
            $"{request} answered {(int)response.StatusCode} {response.ReasonPhrase}, not {expected}; body: {(shown.Length == 0 ? "(empty)" : shown)}");
    }
}
