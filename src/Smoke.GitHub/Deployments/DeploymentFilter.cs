namespace Smoke.GitHub;

/// <summary>Narrows a deployment listing; every field left null matches anything.</summary>
public sealed record DeploymentFilter
{
    public string? Environment { get; init; }

    public string? Sha { get; init; }

    public string? Ref { get; init; }

    public string? Task { get; init; }
}
