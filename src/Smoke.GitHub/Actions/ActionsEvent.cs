using System.Globalization;
using System.Text.Json;

namespace Smoke.GitHub;

/// <summary>Reads the pull request number from the event payload at <c>GITHUB_EVENT_PATH</c>, or from the ref.</summary>
internal static class ActionsEvent
{
    public static async Task<int?> PullRequestNumberAsync(string? eventPath, string? gitRef, CancellationToken cancellationToken)
    {
        return await FromPayloadAsync(eventPath, cancellationToken).ConfigureAwait(false) ?? FromRef(gitRef);
    }

    private static async Task<int?> FromPayloadAsync(string? eventPath, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(eventPath) || !File.Exists(eventPath))
        {
            return null;
        }

        try
        {
            var stream = File.OpenRead(eventPath);
            await using (stream.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                if (root.TryGetProperty("pull_request", out var pullRequest) && Number(pullRequest) is { } fromPullRequest)
                {
                    return fromPullRequest;
                }

                // issue_comment and similar events on a pull request carry it as an issue with a pull_request link.
                return root.TryGetProperty("issue", out var issue) && issue.ValueKind == JsonValueKind.Object && issue.TryGetProperty("pull_request", out _)
                    ? Number(issue)
                    : null;
            }
        }
        catch (JsonException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int? Number(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("number", out var number) && number.TryGetInt32(out var value)
            ? value
            : null;

    private static int? FromRef(string? gitRef)
    {
        const string Prefix = "refs/pull/";
        if (gitRef is null || !gitRef.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = gitRef[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return int.TryParse(slash < 0 ? rest : rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
    }
}
