namespace Smoke.Pipeline.Tests;

internal sealed class OrderingBuild : JournaledBuild
{
    public Target Compile => _ => _.Executes(() => Ran(nameof(Compile)));

    public Target Lint => _ => _.After(Compile).Executes(() => Ran(nameof(Lint)));

    public Target Docs => _ => _.Before(Compile).Executes(() => Ran(nameof(Docs)));

    public Target Package => _ => _.DependentFor(Publish).Executes(() => Ran(nameof(Package)));

    public Target Publish => _ => _.Executes(() => Ran(nameof(Publish)));
}
