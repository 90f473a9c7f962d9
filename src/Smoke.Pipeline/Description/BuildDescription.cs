namespace Smoke.Pipeline;

/// <summary>
/// What a build declares, read without running it: its targets and parameters as <c>--help</c> sees them. Generated
/// documentation and workflow files are built from this, so they cannot drift from the build.
/// </summary>
public sealed record BuildDescription(IReadOnlyList<TargetDescription> Targets, IReadOnlyList<ParameterDescription> Parameters)
{
    /// <summary>Describes a fresh instance of <typeparamref name="TBuild"/>; parameter defaults are its initial values.</summary>
    public static BuildDescription Of<TBuild>()
        where TBuild : PipelineBuild, new() => Of(new TBuild());

    public static BuildDescription Of(PipelineBuild build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var targets = TargetCatalog.Define(build).Select(Describe).ToList();
        var parameters = ParameterMember.Discover(build.GetType()).Select(p => Describe(p, build)).ToList();
        return new BuildDescription(targets, parameters);
    }

    private static TargetDescription Describe(TargetNode node)
    {
        var orderOnly = node.Predecessors.Except(node.Dependencies).Except(node.TriggeredBy);
        return new TargetDescription(
            node.Name,
            node.Definition.DescriptionText,
            Names(node.Dependencies),
            Names(node.Triggers),
            Names(node.TriggeredBy),
            Names(orderOnly),
            node.Definition.Requirements.Select(r => r.Text).ToList(),
            node.Definition.IsUnlisted,
            node.Definition.ProceedsAfterFailure,
            node.Definition.IsAssured)
        {
            WhenSkipped = node.Definition.DependencyBehavior,
        };
    }

    private static ParameterDescription Describe(ParameterMember parameter, PipelineBuild build) => new(
        parameter.Name,
        parameter.Description,
        parameter.OptionName,
        ParameterValues.Form(parameter.Type),
        parameter.EnvironmentNames,
        parameter.IsSecret ? Smoke.Shared.SecretMask.Mask : parameter.DefaultText ?? ParameterValues.Display(parameter.GetValue(build)),
        parameter.IsSecret,
        parameter.IsEngineOption);

    private static List<string> Names(IEnumerable<TargetNode> nodes) => [.. nodes.Select(n => n.Name)];
}
