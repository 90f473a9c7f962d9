using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Smoke.Pipeline;

/// <summary>What a target's fluent declaration recorded; edges still point at delegates until the planner resolves them.</summary>
internal sealed class TargetDefinition : ITargetDefinition
{
    public string? DescriptionText { get; private set; }
    public List<Target> Dependencies { get; } = [];
    public List<Target> Dependents { get; } = [];
    public List<Target> RunsAfter { get; } = [];
    public List<Target> RunsBefore { get; } = [];
    public List<Target> Triggered { get; } = [];
    public List<Target> TriggeredByTargets { get; } = [];
    public List<Condition> StaticConditions { get; } = [];
    public List<Condition> DynamicConditions { get; } = [];
    public List<Requirement> Requirements { get; } = [];
    public DependencyBehavior DependencyBehavior { get; private set; }
    public bool ProceedsAfterFailure { get; private set; }
    public bool IsAssured { get; private set; }
    public bool RunsInBackground { get; private set; }
    public bool IsUnlisted { get; private set; }
    public (Target Failed, int ExitCode)? Recovery { get; private set; }
    public List<Func<CancellationToken, Task>> Actions { get; } = [];

    public ITargetDefinition Description(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ITargetDefinition DependsOn(params Target[] targets) => Add(Dependencies, targets);

    public ITargetDefinition DependentFor(params Target[] targets) => Add(Dependents, targets);

    public ITargetDefinition After(params Target[] targets) => Add(RunsAfter, targets);

    public ITargetDefinition Before(params Target[] targets) => Add(RunsBefore, targets);

    public ITargetDefinition Triggers(params Target[] targets) => Add(Triggered, targets);

    public ITargetDefinition TriggeredBy(params Target[] targets) => Add(TriggeredByTargets, targets);

    public ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null)
    {
        StaticConditions.Add(new Condition(condition, Condition.Describe(reason)));
        return this;
    }

    public ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null)
    {
        DynamicConditions.Add(new Condition(condition, Condition.Describe(reason)));
        return this;
    }

    public ITargetDefinition WhenSkipped(DependencyBehavior dependencyBehavior)
    {
        DependencyBehavior = dependencyBehavior;
        return this;
    }

    public ITargetDefinition Requires<T>(Expression<Func<T>> parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        Requirements.Add(parameter is Expression<Func<bool>> condition
            ? Requirement.ForCondition(condition.Compile(), Requirement.Describe(condition))
            : Requirement.ForParameter(parameter));
        return this;
    }

    public ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? reason = null)
    {
        Requirements.Add(Requirement.ForCondition(condition, Condition.Describe(reason)));
        return this;
    }

    public ITargetDefinition ProceedAfterFailure()
    {
        ProceedsAfterFailure = true;
        return this;
    }

    public ITargetDefinition AssuredAfterFailure()
    {
        IsAssured = true;
        return this;
    }

    public ITargetDefinition RecoversFrom(Target failed, int exitCode)
    {
        ArgumentNullException.ThrowIfNull(failed);
        ArgumentOutOfRangeException.ThrowIfLessThan(exitCode, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(exitCode, 255);
        Recovery = (failed, exitCode);
        return this;
    }

    public ITargetDefinition InBackground()
    {
        RunsInBackground = true;
        return this;
    }

    public ITargetDefinition Unlisted()
    {
        IsUnlisted = true;
        return this;
    }

    public ITargetDefinition Executes(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ =>
        {
            action();
            return Task.CompletedTask;
        });
        return this;
    }

    public ITargetDefinition Executes(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(_ => action());
        return this;
    }

    public ITargetDefinition Executes(Func<CancellationToken, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Actions.Add(action);
        return this;
    }

    private TargetDefinition Add(List<Target> edges, Target[] targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        edges.AddRange(targets);
        return this;
    }
}
