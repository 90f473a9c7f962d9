namespace Smoke.GitHub;

/// <summary>
/// The body of "create a deployment". Defaults suit a pipeline that has already tested the commit:
/// no auto-merge and no required status contexts.
/// </summary>
/// <param name="Ref">The branch, tag or sha to deploy.</param>
/// <param name="Environment">The environment name, e.g. <c>staging</c>.</param>
public sealed record NewDeployment(string Ref, string Environment)
{
    public string Task { get; init; } = "deploy";

    public string? Description { get; init; }

    public bool AutoMerge { get; init; }

    /// <summary>Status contexts that must pass first; empty skips the check, which null would not.</summary>
    public IReadOnlyList<string> RequiredContexts { get; init; } = [];

    /// <summary>Extra JSON for the deployment system, serialised as given (a dictionary, a record, a JsonNode).</summary>
    public object? Payload { get; init; }

    /// <summary>True for an environment that will stop existing, such as a preview.</summary>
    public bool? TransientEnvironment { get; init; }

    public bool? ProductionEnvironment { get; init; }
}
