namespace Smoke.Stack.Engine;

/// <summary>One line of the engine's pull, build and import streams.</summary>
internal sealed record JsonMessage(
    string? Status,
    string? Id,
    string? Progress,
    string? Stream,
    string? Error,
    JsonMessageError? ErrorDetail,
    JsonMessageAux? Aux)
{
    public string? ErrorText => ErrorDetail?.Message ?? Error;

    public string? Describe() =>
        Stream is { } text ? text.TrimEnd('\n', '\r')
        : Status is null ? null
        : string.Join(' ', new[] { Id is null ? null : $"{Id}:", Status, Progress }.Where(p => !string.IsNullOrEmpty(p)));
}
