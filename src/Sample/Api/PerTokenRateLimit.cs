using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Sample.Configuration;

namespace Sample.Api;

/// <summary>A fixed one-minute window of SAMPLE_RATE_LIMIT_PER_MINUTE requests per bearer token; beyond it, 429.</summary>
internal static class PerTokenRateLimit
{
    public const string Policy = "per-token";

    public static IServiceCollection AddPerTokenRateLimit(this IServiceCollection services, SampleSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                ApiTokens.BearerToken(context.Request) ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.RateLimitPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"This token is limited to {settings.RateLimitPerMinute} requests a minute; wait for Retry-After seconds.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });
}
