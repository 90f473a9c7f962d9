namespace Smoke.Pipeline;

/// <summary>A declared target with its edges resolved to other targets of the same build.</summary>
internal sealed class TargetNode(string name, int index, TargetDefinition definition)
{
    public string Name { get; } = name;

    /// <summary>Declaration order; ties in the plan keep it.</summary>
    public int Index { get; } = index;

    public TargetDefinition Definition { get; } = definition;

    public List<TargetNode> Dependencies { get; } = [];

    public List<TargetNode> Triggers { get; } = [];

    public List<TargetNode> TriggeredBy { get; } = [];

    /// <summary>The target whose failure this one puts right when it succeeds, and the exit code that says so.</summary>
    public (TargetNode Failed, int ExitCode)? Recovery { get; set; }

    /// <summary>Everything this target must wait for when both are planned: dependencies, After, Before, triggers.</summary>
    public List<TargetNode> Predecessors { get; } = [];

    public override string ToString() => Name;
}
