using Sample.Configuration;

namespace Sample.Api;

/// <summary>SAMPLE_FAULT=http-500: health stays green, every API call fails, as a broken release would.</summary>
internal sealed class Http500FaultFilter(Fault fault) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        fault.Kind == FaultKind.Http500
            ? Results.Problem(
                statusCode: StatusCodes.Status500InternalServerError,
                title: "Injected failure",
                detail: "SAMPLE_FAULT=http-500: this release answers every API request with 500.")
            : await next(context);
}
