using System.Text.Json;

namespace Smoke.GitHub;

/// <summary>GitHub's error body: <c>{"message": ..., "documentation_url": ..., "errors": [...]}</c>.</summary>
internal sealed record ErrorBody(string? Message, string? DocumentationUrl, IReadOnlyList<string> Errors)
{
    public static ErrorBody Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new ErrorBody(null, null, []);
            }

            return new ErrorBody(
                StringProperty(root, "message"),
                StringProperty(root, "documentation_url"),
                root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                    ? [.. errors.EnumerateArray().Select(DescribeValidationError)]
                    : []);
        }
        catch (JsonException)
        {
            var text = body.Trim();
            return new ErrorBody(text.Length == 0 ? null : Shorten(text), null, []);
        }
    }

    private static string DescribeValidationError(JsonElement error)
    {
        if (error.ValueKind == JsonValueKind.String)
        {
            return error.GetString() ?? "";
        }

        if (error.ValueKind != JsonValueKind.Object)
        {
            return error.GetRawText();
        }

        if (StringProperty(error, "message") is { } message)
        {
            return message;
        }

        var field = StringProperty(error, "field");
        var code = StringProperty(error, "code");
        var resource = StringProperty(error, "resource");
        return code switch
        {
            "missing_field" => $"{resource}.{field} is required",
            "invalid" => $"{resource}.{field} is invalid",
            "already_exists" => $"{resource}.{field} already exists",
            _ => $"{resource}.{field}: {code}",
        };
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
