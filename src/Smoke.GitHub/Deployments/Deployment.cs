using System.Text.Json;

namespace Smoke.GitHub;

/// <summary>A deployment as GitHub returns it.</summary>
public sealed record Deployment
{
    public long Id { get; init; }

    public string Sha { get; init; } = "";

    public string Ref { get; init; } = "";

    public string Task { get; init; } = "";

    public string Environment { get; init; } = "";

    public string? Description { get; init; }

    public JsonElement? Payload { get; init; }

    public bool? TransientEnvironment { get; init; }

    public bool? ProductionEnvironment { get; init; }

    public GitHubUser? Creator { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public Uri? Url { get; init; }

    public Uri? StatusesUrl { get; init; }
}
