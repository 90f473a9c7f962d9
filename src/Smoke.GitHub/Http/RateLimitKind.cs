namespace Smoke.GitHub;

internal enum RateLimitKind
{
    /// <summary>The hourly quota of the token is used up; it comes back at <c>x-ratelimit-reset</c>.</summary>
    Primary,

    /// <summary>Too many requests too fast, or too many at once; no fixed reset.</summary>
    Secondary,
}
