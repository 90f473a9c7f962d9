using System.Net;

namespace Smoke.GitHub;

/// <summary>
/// A GitHub API call that did not succeed: an error status, a rate limit that would not clear in time,
/// or no answer at all. The message names the call, GitHub's own words and what to check next.
/// </summary>
public sealed class GitHubApiException : Exception
{
    internal GitHubApiException(string message, string method, string path, Exception? innerException = null)
        : base(message, innerException)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    /// <summary>The request path and query, relative to the API root.</summary>
    public string Path { get; }

    /// <summary>The response status; null when GitHub could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The <c>message</c> field of GitHub's error body.</summary>
    public string? GitHubMessage { get; init; }

    public string? DocumentationUrl { get; init; }

    /// <summary>When the primary rate limit resets, for a call that failed on it.</summary>
    public DateTimeOffset? RateLimitResetsAt { get; init; }
}
