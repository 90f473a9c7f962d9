namespace Smoke.Stack.Sessions;

/// <summary>A container, network or volume a sweep removed.</summary>
public sealed record SweptResource(SweptResourceKind Kind, string Name, string RunId, string Owner)
{
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()} {Name} (run {RunId}, {Owner})";
}
