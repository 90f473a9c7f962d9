using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Sample.Api;

/// <summary>
/// A database that cannot be reached, or not in time, is the platform's trouble and not a bug: 503 with Retry-After,
/// so clients back off and retry, instead of the bare 500 of an unhandled exception.
/// </summary>
internal sealed class DatabaseUnavailableHandler(ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NpgsqlException { IsTransient: true } and not TimeoutException)
        {
            return false;
        }

        logger.LogError("{Method} {Path}: the database is unavailable: {Reason}", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Database unavailable",
            detail: $"The database did not answer in time ({exception.Message}); retry in {RetryAfterSeconds} s.")
            .ExecuteAsync(httpContext);
        return true;
    }
}
