namespace Sample.Api;

/// <summary>401 without a known bearer token, 403 when a read-only token tries to write.</summary>
internal sealed class ApiTokenFilter(TokenAccess required) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<ApiTokens>();
        var access = tokens.AccessOf(context.HttpContext.Request);
        if (access is null)
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Missing or unknown API token",
                detail: "Send \"Authorization: Bearer <token>\" with SAMPLE_API_TOKEN (read-write) or SAMPLE_READONLY_TOKEN (read-only).");
        }

        if (required == TokenAccess.Write && access == TokenAccess.Read)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Read-only API token",
                detail: "This token may only read jobs; create jobs with the read-write token (SAMPLE_API_TOKEN).");
        }

        return await next(context);
    }
}
