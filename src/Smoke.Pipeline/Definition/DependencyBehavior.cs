namespace Smoke.Pipeline;

/// <summary>What happens to a target's dependencies when the target is skipped (<c>--skip</c>, or a false OnlyWhenStatic).</summary>
public enum DependencyBehavior
{
    /// <summary>Skip the dependencies and triggered targets that no other planned target still needs (the default, as in NUKE).</summary>
    Skip,

    /// <summary>Run the dependencies anyway.</summary>
    Execute,
}
