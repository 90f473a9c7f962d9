namespace Smoke.Stack.Engine;

/// <summary>
/// One engine event. <see cref="Action"/> is e.g. <c>start</c>, <c>die</c>, <c>health_status: healthy</c>;
/// <see cref="Attributes"/> carries the resource's labels plus <c>name</c>, <c>image</c>, <c>exitCode</c>.
/// </summary>
public sealed record EngineEvent(
    string Type,
    string Action,
    string ActorId,
    IReadOnlyDictionary<string, string> Attributes,
    DateTimeOffset Time)
{
    /// <summary>For <c>health_status: healthy</c> the part after the colon, else null.</summary>
    public string? HealthStatus => Action.StartsWith("health_status:", StringComparison.Ordinal) ? Action["health_status:".Length..].Trim() : null;
}
