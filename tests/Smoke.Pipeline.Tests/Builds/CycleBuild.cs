namespace Smoke.Pipeline.Tests;

internal sealed class CycleBuild : JournaledBuild
{
    public Target Start => _ => _.Executes(() => Ran(nameof(Start)));

    public Target Alpha => _ => _.DependsOn(Gamma).Executes(() => Ran(nameof(Alpha)));

    public Target Beta => _ => _.DependsOn(Alpha).Executes(() => Ran(nameof(Beta)));

    public Target Gamma => _ => _.After(Start).After(Beta).Executes(() => Ran(nameof(Gamma)));
}
