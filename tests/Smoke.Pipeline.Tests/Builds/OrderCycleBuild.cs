namespace Smoke.Pipeline.Tests;

/// <summary>A cycle made only of Before edges, among targets that are never planned together with Lint.</summary>
internal sealed class OrderCycleBuild : JournaledBuild
{
    public Target Lint => _ => _.Executes(() => Ran(nameof(Lint)));

    public Target First => _ => _.Before(Second).Executes(() => Ran(nameof(First)));

    public Target Second => _ => _.Before(Third).Executes(() => Ran(nameof(Second)));

    public Target Third => _ => _.Before(First).Executes(() => Ran(nameof(Third)));
}
