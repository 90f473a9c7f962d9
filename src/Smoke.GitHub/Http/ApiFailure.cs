using System.Globalization;
using System.Net;

namespace Smoke.GitHub;

/// <summary>Builds the messages of <see cref="GitHubApiException"/>: what failed, GitHub's words, what to check.</summary>
internal static class ApiFailure
{
    public static GitHubApiException ForResponse(
        string method, string path, HttpStatusCode status, ErrorBody error, string permission, Func<string, string> redact)
    {
        var said = error.Message is { } message ? $": \"{message}\"" : "";
        var details = error.Errors.Count > 0 ? $" [{string.Join("; ", error.Errors)}]" : "";
        var documentation = error.DocumentationUrl is { } url ? $" (see {url})" : "";
        var check = WhatToCheck(status, permission);
        var text = $"GitHub API {method} {path} failed with {(int)status} {ReasonPhrase(status)}{said}{details}{documentation}."
            + (check.Length > 0 ? " " + check : "");
        return new GitHubApiException(redact(text), method, path)
        {
            StatusCode = status,
            GitHubMessage = error.Message is null ? null : redact(error.Message),
            DocumentationUrl = error.DocumentationUrl,
        };
    }

    public static GitHubApiException WaitTooLong(
        string method, string path, HttpStatusCode status, RateLimitSignal limit, TimeSpan wait, TimeSpan maxWait, Func<string, string> redact)
    {
        var when = limit.ResetsAt is { } resetsAt && limit.RetryAfter is null
            ? $"it resets at {resetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}Z, in {Describe(wait)}"
            : $"GitHub asked to retry after {Describe(wait)}";
        var text = $"GitHub API {method} {path} hit the {limit.Description}; {when}, longer than the {Describe(maxWait)} this client waits."
            + " Re-run after that time, use a token with its own quota, or raise GitHubClientOptions.MaxRateLimitWait.";
        return new GitHubApiException(redact(text), method, path)
        {
            StatusCode = status,
            RateLimitResetsAt = limit.ResetsAt,
        };
    }

    public static GitHubApiException GaveUp(
        string method, string path, HttpStatusCode status, RateLimitSignal limit, int retries, TimeSpan waited, Func<string, string> redact)
    {
        var text = $"GitHub API {method} {path} was still rate limited after {retries} retries over {Describe(waited)} ({limit.Description})."
            + " Wait a few minutes and re-run, and avoid many concurrent calls with the same token"
            + " (GitHubClientOptions.MaxRateLimitRetries sets how often a call is retried).";
        return new GitHubApiException(redact(text), method, path)
        {
            StatusCode = status,
            RateLimitResetsAt = limit.ResetsAt,
        };
    }

    public static GitHubApiException Unreachable(string method, string path, Uri root, Exception cause, Func<string, string> redact) =>
        new(redact($"GitHub API {method} {path} could not be reached at {root}: {cause.Message} Check GITHUB_API_URL and the network."),
            method, path, cause);

    public static GitHubApiException TimedOut(string method, string path, TimeSpan timeout, Exception cause) =>
        new($"GitHub API {method} {path} did not answer within {Describe(timeout)}. GitHub may be slow: check https://www.githubstatus.com and re-run,"
            + " or raise GitHubClientOptions.RequestTimeout.", method, path, cause);

    public static GitHubApiException UnexpectedBody(string method, string path, HttpStatusCode status, Exception cause) =>
        new($"GitHub API {method} {path} answered {(int)status} with a body that is not the expected JSON ({cause.Message})."
            + " Check that GITHUB_API_URL points at a GitHub REST API root.", method, path, cause)
        {
            StatusCode = status,
        };

    public static string Describe(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return $"{Math.Max(0, (int)duration.TotalMilliseconds)}ms";
        }

        var seconds = (long)Math.Ceiling(duration.TotalSeconds);
        return seconds switch
        {
            < 60 => $"{seconds}s",
            < 3600 => seconds % 60 == 0 ? $"{seconds / 60}m" : $"{seconds / 60}m {seconds % 60}s",
            _ => $"{seconds / 3600}h {seconds % 3600 / 60}m",
        };
    }

    private static string WhatToCheck(HttpStatusCode status, string permission) => status switch
    {
        HttpStatusCode.Unauthorized =>
            "The token was rejected: it is invalid, expired or revoked. Check GITHUB_TOKEN (a workflow's secrets.GITHUB_TOKEN is only valid while its job runs).",
        HttpStatusCode.Forbidden =>
            $"The token is not allowed to do this: it needs the \"{permission}\" permission (in a workflow, grant it under `permissions:`), or an organisation policy blocks it.",
        HttpStatusCode.NotFound =>
            "The repository or the item in the path does not exist, or the token cannot see it (GitHub answers 404 rather than 403 when a token has no access to a repository)."
            + " Check GITHUB_REPOSITORY and which repositories the token can access.",
        HttpStatusCode.Conflict =>
            "GitHub refused because of a conflict: for a deployment, a required status check has not passed or the ref could not be merged.",
        HttpStatusCode.UnprocessableEntity =>
            "GitHub rejected the values sent; fix the fields named above.",
        >= HttpStatusCode.InternalServerError =>
            "GitHub had a problem answering; this is usually temporary: check https://www.githubstatus.com and re-run.",
        _ => "",
    };

    private static string ReasonPhrase(HttpStatusCode status) => status switch
    {
        HttpStatusCode.UnprocessableEntity => "Unprocessable Entity",
        HttpStatusCode.TooManyRequests => "Too Many Requests",
        HttpStatusCode.NotFound => "Not Found",
        HttpStatusCode.InternalServerError => "Internal Server Error",
        HttpStatusCode.BadGateway => "Bad Gateway",
        HttpStatusCode.ServiceUnavailable => "Service Unavailable",
        _ => status.ToString(),
    };
}
