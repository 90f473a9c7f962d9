using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Smoke.GitHub;

/// <summary>
/// What a 403 or 429 says about rate limits, in the order GitHub's docs ask clients to check:
/// <c>retry-after</c> first, then <c>x-ratelimit-remaining: 0</c> with its reset time, then a
/// secondary limit with neither, which calls for backing off.
/// </summary>
internal sealed record RateLimitSignal(RateLimitKind Kind, TimeSpan? RetryAfter, DateTimeOffset? ResetsAt, string Description)
{
    public static RateLimitSignal? From(HttpStatusCode status, HttpResponseHeaders headers, ErrorBody error, DateTimeOffset now)
    {
        if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        var resetsAt = Header(headers, "x-ratelimit-reset") is { } reset
            && long.TryParse(reset, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch)
            && epoch >= 0 && epoch <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeSeconds(epoch)
                : (DateTimeOffset?)null;
        var exhausted = Header(headers, "x-ratelimit-remaining") == "0";

        if (RetryAfterHeader(headers, now) is { } retryAfter)
        {
            return new RateLimitSignal(
                exhausted ? RateLimitKind.Primary : RateLimitKind.Secondary, retryAfter, resetsAt, Describe(exhausted, headers, error));
        }

        if (exhausted && resetsAt is not null)
        {
            return new RateLimitSignal(RateLimitKind.Primary, null, resetsAt, Describe(true, headers, error));
        }

        var saysSecondary = error.Message is { } message
            && (message.Contains("secondary rate limit", StringComparison.OrdinalIgnoreCase)
                || message.Contains("abuse", StringComparison.OrdinalIgnoreCase));
        return status == HttpStatusCode.TooManyRequests || saysSecondary
            ? new RateLimitSignal(RateLimitKind.Secondary, null, null, Describe(false, headers, error))
            : null;
    }

    private static TimeSpan? RetryAfterHeader(HttpResponseHeaders headers, DateTimeOffset now)
    {
        if (headers.RetryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (headers.RetryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string Describe(bool primary, HttpResponseHeaders headers, ErrorBody error)
    {
        var kind = primary
            ? $"primary rate limit exhausted ({Header(headers, "x-ratelimit-used") ?? "?"} of {Header(headers, "x-ratelimit-limit") ?? "?"} used"
                + (Header(headers, "x-ratelimit-resource") is { } resource ? $", resource \"{resource}\")" : ")")
            : "secondary rate limit";
        return error.Message is { } message ? $"{kind}: \"{message}\"" : kind;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
