using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Smoke.Pipeline;

/// <summary>The fluent surface a target is declared with.</summary>
public interface ITargetDefinition
{
    ITargetDefinition Description(string description);

    /// <summary>The given targets are planned and run before this one; if one of them fails, this one does not run.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>This target is planned and run before the given ones, as if they declared <see cref="DependsOn"/>.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>When both are planned, this target runs after the given ones; it does not pull them in.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>When both are planned, this target runs before the given ones; it does not pull them in.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>The given targets are planned too and run after this one, when this one ran.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>This target is planned whenever one of the given ones is, and runs after it.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Evaluated before anything runs; when false, the target is skipped, and so are dependencies nothing else needs.</summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>Evaluated just before the target would run; when false, the target is skipped.</summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>
    /// What skipping this target does to its dependencies: <see cref="DependencyBehavior.Skip"/> (the default) skips those that no
    /// other planned target needs; <see cref="DependencyBehavior.Execute"/> runs them anyway.
    /// </summary>
    ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior);

    /// <summary>
    /// The parameter (<c>() =&gt; Release</c>) must have a value before anything runs. C# picks this overload for every
    /// one-argument lambda, so a bool lambda (<c>() =&gt; Retries &gt; 0</c>) is taken as a condition that must hold.
    /// </summary>
    ITargetDefinition Requires<T>(Expression<Func<T>> parameter);

    /// <summary>The condition must hold before anything runs.</summary>
    ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null);

    /// <summary>When this target fails, the build goes on: targets that depend on it or that it triggers still run, as in NUKE.</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after another target failed or the build was cancelled (clean-up, rollback).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>
    /// When <paramref name="failed"/> failed and this target then succeeds, the build exits with <paramref name="exitCode"/>
    /// instead of 1: the failure stands, and the code says what put it right (a rollback that restored the last good
    /// release). This target runs after <paramref name="failed"/> when both are planned. If this target fails, its own
    /// failure's exit code counts instead.
    /// </summary>
    ITargetDefinition RecoversFrom(Target failed, int exitCode);

    /// <summary>
    /// In a sequential build, this target starts as soon as what it waits for is done and runs alongside the targets
    /// after it; only targets that must run after it wait for it. Its output is buffered and written whole between two
    /// targets, never in the middle of one.
    /// </summary>
    ITargetDefinition InBackground();

    /// <summary>Hidden from <c>--help</c>; still invocable.</summary>
    ITargetDefinition Unlisted();

    ITargetDefinition Executes(Action action);

    ITargetDefinition Executes(Func<Task> action);

    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
